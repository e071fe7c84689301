package dev.capsem.cli;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageTestRequest;
import dev.capsem.core.diag.GivenPath;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code image test}: the boot proof of a built image, outside a release. */
@Command(
    name = "test",
    description =
        "Boot each built architecture in QEMU (KVM when it works, TCG otherwise), run the image's"
            + " diagnostics inside against the profile, and write <assets-dir>/<arch>/"
            + "doctor-bundle.tar and boot-console.log.")
final class ImageTestCommand extends CapsemCommand {

  @Parameters(paramLabel = "PROFILE_PATH", description = "The profile the image was built from.")
  String profile;

  @Option(
      names = "--assets-dir",
      required = true,
      description = "The built assets: <assets-dir>/<arch>/vmlinuz, initrd.img, rootfs.squashfs.")
  String assetsDir;

  @Option(
      names = "--arch",
      defaultValue = "all",
      description = "all, arm64 or x86_64 (default: all).")
  String arch;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = "How long one VM may run before it is killed (default: 300).")
  long timeout;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "The CA certificate the image must trust (default: check one is installed).")
  String ca;

  @Option(
      names = "--without-guest-binaries",
      description = "The image was built without the guest agents: expect none to start.")
  boolean withoutGuestBinaries;

  @Option(names = "--json", description = "Print the JSON report (capsem.image-test.v1).")
  boolean json;

  ImageTestCommand(Capsem capsem) {
    super(capsem);
  }

  @Override
  public Integer call() {
    GivenPath file = existingFile(profile, "PROFILE_PATH");
    GivenPath assets = existingDirectory(assetsDir, "--assets-dir");
    choice(arch, "--arch", ImageCommands.ARCHES);
    if (timeout < 1) {
      throw usage("Invalid value for '--timeout': " + timeout + " is not a positive number.");
    }
    ImageTestRequest request =
        new ImageTestRequest(
            file,
            assets,
            arch,
            Duration.ofSeconds(timeout),
            optionalFile(ca, "--ca"),
            withoutGuestBinaries);
    try (ProgressLog progress = Progress.on(console(), false)) {
      return print(capsem.images().test(request, progress), json);
    }
  }
}
