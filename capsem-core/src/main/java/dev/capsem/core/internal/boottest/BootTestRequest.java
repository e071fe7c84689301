package dev.capsem.core.internal.boottest;

import dev.capsem.core.internal.image.GuestBinaries;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.ports.VmSpec.Accelerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to boot and check.
 *
 * @param profile the profile the image was built from: its packages and required tools are the
 *     expectations, its VM resources (capped) the machine's
 * @param assetsDir the build's output ({@code <arch>/vmlinuz}, {@code initrd.img}, {@code
 *     rootfs.squashfs}, or the profile's declared file names); the doctor bundle and the console
 *     log are written there
 * @param assetsShown the folder as the user named it, for messages and the report
 * @param arches the architectures to boot, in order
 * @param timeout how long one VM may take from its start to its end
 * @param accelerator the wish (AUTO: KVM when it works)
 * @param workDir where the VM's disks are made (removed afterwards)
 * @param agents the guest agents the image was built with (empty when they were omitted)
 * @param caCertificate the CA the image must trust, or null to check only that one is installed
 * @param versionCommands tool version commands by name (the workspace's); others have defaults
 * @param npmPrefix where the AI CLIs' npm packages are installed, or null for the default
 * @param maxMemoryMib the test machine's memory cap
 * @param maxCpus the test machine's CPU cap
 */
public record BootTestRequest(
    Profile profile,
    Path assetsDir,
    String assetsShown,
    List<String> arches,
    Duration timeout,
    Accelerator accelerator,
    Path workDir,
    List<String> agents,
    Path caCertificate,
    Map<String, String> versionCommands,
    String npmPrefix,
    int maxMemoryMib,
    int maxCpus) {

  /** Enough for the kit's checks under emulation on two slow cores. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public static final int DEFAULT_MAX_MEMORY_MIB = 2048;
  public static final int DEFAULT_MAX_CPUS = 2;

  public BootTestRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(assetsShown, "assetsShown");
    arches = List.copyOf(arches);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(workDir, "workDir");
    agents = List.copyOf(agents);
    versionCommands = Map.copyOf(versionCommands);
    if (maxMemoryMib < 256 || maxCpus < 1) {
      throw new IllegalArgumentException("the test machine needs at least 256 MiB and one CPU");
    }
  }

  /**
   * The defaults: every guest agent expected, no CA to compare, the default version commands, a
   * five-minute timeout, KVM when it works, at most 2 GiB and two CPUs, disks under {@code
   * <assetsDir>/.capsem-boot}.
   */
  public static BootTestRequest of(
      Profile profile, Path assetsDir, String assetsShown, List<String> arches) {
    return new BootTestRequest(
        profile,
        assetsDir,
        assetsShown,
        arches,
        DEFAULT_TIMEOUT,
        Accelerator.AUTO,
        assetsDir.resolve(".capsem-boot"),
        GuestBinaries.NAMES,
        null,
        Map.of(),
        null,
        DEFAULT_MAX_MEMORY_MIB,
        DEFAULT_MAX_CPUS);
  }

  public BootTestRequest withTimeout(Duration value) {
    return edit(draft -> draft.timeout = value);
  }

  public BootTestRequest withAccelerator(Accelerator value) {
    return edit(draft -> draft.accelerator = value);
  }

  public BootTestRequest withAgents(List<String> value) {
    return edit(draft -> draft.agents = value);
  }

  public BootTestRequest withCaCertificate(Path value) {
    return edit(draft -> draft.caCertificate = value);
  }

  public BootTestRequest withWorkDir(Path value) {
    return edit(draft -> draft.workDir = value);
  }

  private BootTestRequest edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /**
   * A mutable copy of the components a {@code with} method changes, so that each names only its
   * own; the others come from the request as they are.
   */
  private static final class Draft {
    private final BootTestRequest from;
    private Duration timeout;
    private Accelerator accelerator;
    private Path workDir;
    private List<String> agents;
    private Path caCertificate;

    Draft(BootTestRequest from) {
      this.from = from;
      timeout = from.timeout;
      accelerator = from.accelerator;
      workDir = from.workDir;
      agents = from.agents;
      caCertificate = from.caCertificate;
    }

    BootTestRequest build() {
      return new BootTestRequest(
          from.profile,
          from.assetsDir,
          from.assetsShown,
          from.arches,
          timeout,
          accelerator,
          workDir,
          agents,
          caCertificate,
          from.versionCommands,
          from.npmPrefix,
          from.maxMemoryMib,
          from.maxCpus);
    }
  }
}
