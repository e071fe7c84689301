package dev.capsem.core.ports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The container engine that runs package managers, compiles kernels and runs tools on image files
 * (decision D13). The first adapter drives the {@code docker} command line, so a remote engine or
 * builder farm ({@code DOCKER_HOST}) can take the load.
 */
public interface ContainerRuntime {

  /**
   * Checks that the runtime is installed and its engine answers, and says what it is ({@code docker
   * 28.2.2, engine 20.10.24 linux/amd64}).
   *
   * @throws ContainerRuntimeException {@code NOT_FOUND} without the executable, {@code UNREACHABLE}
   *     when the engine does not answer
   */
  String probe() throws ContainerRuntimeException;

  /**
   * The platform the engine runs containers on natively ({@code linux/amd64}), or empty when the
   * adapter cannot tell (the engine does not answer). A build compiles the kernel of another
   * platform across from this one instead of emulating the compiler.
   */
  default Optional<String> enginePlatform() {
    return Optional.empty();
  }

  /**
   * Why containers of {@code platform} ({@code linux/arm64}) cannot run on this engine, with the
   * fix, or empty when they can (or when the adapter cannot tell; the build then fails on its own).
   */
  Optional<String> platformProblem(String platform);

  /**
   * Whether two of this runtime's commands may run at once from two threads: then a build compiles
   * the kernel while the rootfs installs. False unless the adapter says so.
   */
  default boolean runsCommandsSideBySide() {
    return false;
  }

  /** The command line {@link #execute} runs for {@code command}: what dry runs print. */
  List<String> commandLine(ContainerCommand command);

  /**
   * Runs {@code command} and returns its standard output (a created container's id, a {@code run}
   * script's output).
   *
   * @throws ContainerRuntimeException when the command fails, times out, or cannot start
   */
  String execute(ContainerCommand command) throws ContainerRuntimeException;

  /**
   * Runs {@code command} as {@link #execute(ContainerCommand)} does, passing each line a long
   * command (a build, an attached container) prints to {@code output} as it comes.
   */
  default String execute(ContainerCommand command, Consumer<String> output)
      throws ContainerRuntimeException {
    return execute(command);
  }

  /** Reads a container's file system as the tar stream the runtime exports. */
  @FunctionalInterface
  interface TarStreamReader<T> {
    T read(InputStream tar) throws IOException;
  }

  /**
   * Streams the whole file system of {@code container} as a tar ({@code docker export CONTAINER}),
   * handing it to {@code reader} as it arrives: no tar file, no second container (issue 17: the
   * squashfs writer reads this stream). What the reader leaves unread is drained.
   *
   * @throws ContainerRuntimeException when the export fails or times out (the reader's result is
   *     then discarded)
   * @throws IOException what the reader throws (the export is then stopped)
   */
  <T> T exportStream(String container, TarStreamReader<T> reader)
      throws ContainerRuntimeException, IOException;

  /** For callers that build nothing: every operation fails as if no runtime were installed. */
  static ContainerRuntime none() {
    return NoContainerRuntime.INSTANCE;
  }
}
