package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.internal.tar.TarEntry;
import dev.capsem.core.internal.tar.TarReader;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContainerRuntime} must do for the image build, run against the fake and the
 * real adapter alike (STYLE rule 11): build, create, export, copy both ways, start, run, remove,
 * and failures that name the command.
 */
public abstract class ContainerRuntimeContract {

  @TempDir protected Path temp;

  private final List<String> images = new ArrayList<>();
  private final List<String> containers = new ArrayList<>();
  private String tag;

  /** The runtime under test. */
  protected abstract ContainerRuntime runtime();

  /** An image the runtime has without a registry, with {@code cat} in it. */
  protected abstract String baseImage();

  @BeforeEach
  void uniqueTag() {
    tag = "capsem-contract-" + Integer.toHexString(new Random().nextInt(1 << 24));
  }

  @AfterEach
  void cleanUp() {
    for (String container : containers) {
      quietly(new ContainerCommand.RemoveContainer(container));
    }
    for (String image : images) {
      quietly(new ContainerCommand.RemoveImage(image));
    }
  }

  private void quietly(ContainerCommand command) {
    try {
      runtime().execute(command);
    } catch (ContainerRuntimeException ignored) {
      // Already gone.
    }
  }

  private Path context(String dockerfile) throws IOException {
    Path context = Files.createDirectories(temp.resolve("context-" + tag));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Files.writeString(context.resolve("hello.txt"), "hello from the build context\n");
    return context;
  }

  private String built(String dockerfile) throws Exception {
    runtime().execute(new ContainerCommand.Build(null, tag, context(dockerfile), Map.of(), false));
    images.add(tag);
    return tag;
  }

  private String created(String image, List<String> command) throws Exception {
    String id = runtime().execute(new ContainerCommand.Create(null, image, false, command)).strip();
    containers.add(id);
    return id;
  }

  @Test
  void probe_runtimeAnswers_describesItself() throws Exception {
    assertThat(runtime().probe()).isNotBlank();
  }

  @Test
  void enginePlatform_runtimeAnswers_isOperatingSystemSlashArchitecture() {
    assertThat(runtime().enginePlatform())
        .get()
        .asString()
        .matches("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?");
  }

  @Test
  void export_afterCopyInBuild_tarHoldsTheFile() throws Exception {
    String image = built("FROM " + baseImage() + "\nCOPY hello.txt /hello.txt\n");
    String container = created(image, List.of("/bin/true"));
    Path tar = temp.resolve("export.tar");

    runtime().execute(new ContainerCommand.Export(container, tar));

    assertThat(TarEntries.read(tar)).containsEntry("hello.txt", "hello from the build context\n");
  }

  @Test
  void exportStream_afterCopyInBuild_streamsTheFileWithoutATarFile() throws Exception {
    String image = built("FROM " + baseImage() + "\nCOPY hello.txt /hello.txt\n");
    String container = created(image, List.of("/bin/true"));

    String hello =
        runtime()
            .exportStream(
                container,
                in -> {
                  TarReader tar = new TarReader(in);
                  for (var entry = tar.next(); entry != null; entry = tar.next()) {
                    if (entry.path().replaceFirst("^\\./", "").equals("hello.txt")) {
                      return new String(tar.read(1024), StandardCharsets.UTF_8);
                    }
                  }
                  return null;
                });

    assertThat(hello).isEqualTo("hello from the build context\n");
  }

  @Test
  void exportStream_readerStopsEarly_returnsItsResult() throws Exception {
    String container = created(baseImage(), List.of("/bin/true"));

    String result = runtime().exportStream(container, in -> "stopped after " + in.read());

    assertThat(result).startsWith("stopped after ");
  }

  @Test
  void exportStream_unknownContainer_failsNamingTheCommand() {
    assertThatThrownBy(() -> runtime().exportStream("capsem-no-such-container", in -> "x"))
        .isInstanceOf(ContainerRuntimeException.class)
        .hasMessageContaining("export");
  }

  @Test
  void copyOut_fileOfTheImage_arrivesOnTheHost() throws Exception {
    String image = built("FROM " + baseImage() + "\nCOPY hello.txt /hello.txt\n");
    String container = created(image, List.of("/bin/true"));
    Path target = temp.resolve("copied.txt");

    runtime().execute(new ContainerCommand.CopyOut(container, "/hello.txt", target));

    assertThat(target).hasContent("hello from the build context");
  }

  @Test
  void start_afterCopyIn_seesTheFileAndReturnsItsOutput() throws Exception {
    Path input = Files.writeString(temp.resolve("in.txt"), "copied in\n");
    String container = created(baseImage(), List.of("cat", "/in.txt"));

    runtime().execute(new ContainerCommand.CopyIn(input, container, "/in.txt"));
    String output = runtime().execute(new ContainerCommand.Start(container));

    assertThat(output).isEqualTo("copied in\n");
  }

  @Test
  void run_catOfABuiltFile_returnsStandardOutput() throws Exception {
    String image = built("FROM " + baseImage() + "\nCOPY hello.txt /hello.txt\n");

    String output =
        runtime()
            .execute(new ContainerCommand.Run(null, image, false, List.of("cat", "/hello.txt")));

    assertThat(output).isEqualTo("hello from the build context\n");
  }

  @Test
  void build_failingRunStep_failsNamingTheStepAndItsExitCode() throws Exception {
    Path context = context("FROM " + baseImage() + "\nRUN exit 3\n");

    assertThatThrownBy(
            () ->
                runtime().execute(new ContainerCommand.Build(null, tag, context, Map.of(), false)))
        .isInstanceOfSatisfying(
            ContainerRuntimeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ContainerRuntimeException.Kind.FAILED);
              assertThat(e.exitCode()).isNotZero();
              assertThat(e.commandLine()).contains(tag);
              assertThat(e.stderrTail()).containsPattern("(non-zero code|exit code): 3");
            });
    images.add(tag);
  }

  @Test
  void create_missingImage_fails() {
    assertThatThrownBy(
            () ->
                runtime()
                    .execute(
                        new ContainerCommand.Create(
                            null, "capsem-contract-absent:never", false, List.of("/bin/true"))))
        .isInstanceOfSatisfying(
            ContainerRuntimeException.class,
            e -> assertThat(e.kind()).isEqualTo(ContainerRuntimeException.Kind.FAILED));
  }

  @Test
  void copyOut_missingFile_fails() throws Exception {
    String container = created(baseImage(), List.of("/bin/true"));

    assertThatThrownBy(
            () ->
                runtime()
                    .execute(
                        new ContainerCommand.CopyOut(
                            container, "/no/such/file", temp.resolve("nothing"))))
        .isInstanceOf(ContainerRuntimeException.class);
  }

  @Test
  void inspectImage_builtThenRemoved_existsThenNot() throws Exception {
    String image = built("FROM " + baseImage() + "\nCOPY hello.txt /hello.txt\n");

    runtime().execute(new ContainerCommand.InspectImage(image));
    runtime().execute(new ContainerCommand.RemoveImage(image));

    assertThatThrownBy(() -> runtime().execute(new ContainerCommand.InspectImage(image)))
        .isInstanceOf(ContainerRuntimeException.class);
  }

  @Test
  void commandLine_everyCommand_namesItsVerbAndOperands() {
    Path context = temp.resolve("ctx");
    Map<String, String> args = new LinkedHashMap<>();
    args.put("KERNEL_VERSION", "6.6.127");
    List<String> build =
        runtime().commandLine(new ContainerCommand.Build("linux/arm64", "t", context, args, true));
    assertThat(String.join(" ", build))
        .contains("linux/arm64")
        .contains("KERNEL_VERSION=6.6.127")
        .contains("t");
    assertThat(String.join(" ", runtime().commandLine(new ContainerCommand.RemoveImage("t"))))
        .contains("t");
  }

  /** Reads the regular files of a tar, path without a leading {@code ./}, content as UTF-8. */
  public static final class TarEntries {
    private TarEntries() {}

    public static Map<String, String> read(Path tar) throws IOException {
      Map<String, String> entries = new LinkedHashMap<>();
      try (InputStream in = Files.newInputStream(tar)) {
        TarReader reader = new TarReader(in);
        for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
          if (entry.isFile()) {
            // The reader keeps names as byte strings, one char per byte.
            String path =
                new String(
                    entry.path().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            entries.put(
                path.replaceFirst("^\\./", ""),
                new String(reader.content().readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      return entries;
    }
  }
}
