package dev.capsem.core.ports;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a container runtime is asked to do. The image build says what it needs in these terms;
 * the adapter decides how (the Docker CLI adapter turns each into one {@code docker ...} command),
 * and renders it for dry runs and progress lines.
 */
public sealed interface ContainerCommand {

  /** A short verb for messages: {@code build}, {@code create}, {@code export}, ... */
  String verb();

  /** How a build shares the CPU with the builds running beside it. */
  enum CpuShare {
    /** As much as any other. */
    EQUAL,
    /**
     * What the others leave: the lowest weight the runtime has. The image build gives it to every
     * step but the kernel compile, the long pole of a first build, so that the rootfs fills the
     * compile's idle moments (downloads, unpacking, linking) instead of slowing it down.
     */
    SPARE
  }

  /**
   * Builds {@code context/Dockerfile} into an image tagged {@code tag}.
   *
   * @param platform {@code linux/amd64} or {@code linux/arm64}, or null for the engine's own
   * @param buildArgs {@code --build-arg} values, in order
   * @param noCache rebuild every layer (a reproducibility check must not reuse cached layers)
   * @param cpuShare how the build shares the CPU with the builds running beside it
   */
  record Build(
      String platform,
      String tag,
      Path context,
      Map<String, String> buildArgs,
      boolean noCache,
      CpuShare cpuShare)
      implements ContainerCommand {
    public Build {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(cpuShare, "cpuShare");
      buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    }

    /** A build with an equal share of the CPU. */
    public Build(
        String platform, String tag, Path context, Map<String, String> buildArgs, boolean noCache) {
      this(platform, tag, context, buildArgs, noCache, CpuShare.EQUAL);
    }

    @Override
    public String verb() {
      return "build";
    }
  }

  /**
   * Creates a stopped container of {@code image} (for {@code platform}, or the engine's own when
   * null), without network when {@code network} is false; the runtime prints its id.
   */
  record Create(String platform, String image, boolean network, List<String> command)
      implements ContainerCommand {
    public Create {
      Objects.requireNonNull(image, "image");
      command = List.copyOf(command);
    }

    @Override
    public String verb() {
      return "create";
    }
  }

  /** Writes the whole file system of a container as a tar file. */
  record Export(String container, Path tar) implements ContainerCommand {
    public Export {
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(tar, "tar");
    }

    @Override
    public String verb() {
      return "export";
    }
  }

  /** Copies one file out of a container. */
  record CopyOut(String container, String path, Path target) implements ContainerCommand {
    public CopyOut {
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String verb() {
      return "cp";
    }
  }

  /**
   * Runs {@code command} in a throwaway container ({@code --rm}) and returns what it printed.
   *
   * @param platform the platform to run, or null for the engine's own
   * @param network whether the container may reach the network (version probes and tools that only
   *     transform local files run without it)
   */
  record Run(String platform, String image, boolean network, List<String> command)
      implements ContainerCommand {
    public Run {
      Objects.requireNonNull(image, "image");
      command = List.copyOf(command);
    }

    @Override
    public String verb() {
      return "run";
    }
  }

  /**
   * Copies a host file into a (created) container. Copies instead of bind mounts keep every step
   * working against a remote engine ({@code DOCKER_HOST}), which cannot see host folders.
   */
  record CopyIn(Path source, String container, String path) implements ContainerCommand {
    public CopyIn {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String verb() {
      return "cp";
    }
  }

  /** Starts a created container, waits for it, and returns what it printed. */
  record Start(String container) implements ContainerCommand {
    public Start {
      Objects.requireNonNull(container, "container");
    }

    @Override
    public String verb() {
      return "start";
    }
  }

  /** Removes a container. */
  record RemoveContainer(String container) implements ContainerCommand {
    public RemoveContainer {
      Objects.requireNonNull(container, "container");
    }

    @Override
    public String verb() {
      return "rm";
    }
  }

  /**
   * Removes an image's tag (forced: containers created from it are gone already), keeping the
   * layers below it, which are the engine's cache for the next build of the same steps.
   */
  record RemoveImage(String image) implements ContainerCommand {
    public RemoveImage {
      Objects.requireNonNull(image, "image");
    }

    @Override
    public String verb() {
      return "rmi";
    }
  }

  /**
   * Removes an image together with every untagged parent no other image builds on: what a build
   * made without the cache leaves, which would otherwise shadow the layer cache (the engine serves
   * the newest of equal layers, and the deeper cached layers of other recipes hang under the older
   * copies).
   */
  record RemoveImageAndLayers(String image) implements ContainerCommand {
    public RemoveImageAndLayers {
      Objects.requireNonNull(image, "image");
    }

    @Override
    public String verb() {
      return "rmi";
    }
  }

  /**
   * Lists the ids of the untagged images that carry {@code label} ({@code key=value}), one per
   * line: the last stage images of a build, found by the build's id.
   */
  record ListUntaggedImages(String label) implements ContainerCommand {
    public ListUntaggedImages {
      Objects.requireNonNull(label, "label");
    }

    @Override
    public String verb() {
      return "images";
    }
  }

  /** Succeeds when the image exists locally, fails otherwise. */
  record InspectImage(String image) implements ContainerCommand {
    public InspectImage {
      Objects.requireNonNull(image, "image");
    }

    @Override
    public String verb() {
      return "image inspect";
    }
  }
}
