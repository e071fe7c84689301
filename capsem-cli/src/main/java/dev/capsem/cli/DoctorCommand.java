package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.DoctorRequest;
import dev.capsem.core.diag.GivenPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capsem-admin doctor}: is this machine ready to build, and does the profile plan? */
@Command(
    name = "doctor",
    description = "Check the build toolchain and, optionally, a profile's image plan.")
final class DoctorCommand extends CapsemCommand {

  @Option(names = "--profile", description = "A Profile V2 file to plan.")
  String profile;

  @Option(
      names = "--arch",
      defaultValue = "all",
      description = "all, arm64 or x86_64 (default: all).")
  String arch;

  @Option(
      names = "--repo-root",
      defaultValue = ".",
      description = "Where guest/artifacts and config/ live.")
  String repoRoot;

  @Option(
      names = "--guest-binaries",
      description = "The guest agent binaries folder (<dir>/<arch>/<name>).")
  String guestBinaries;

  @Option(names = "--json", description = "Print the JSON report.")
  boolean json;

  DoctorCommand(Capsem capsem) {
    super(capsem);
  }

  @Override
  public Integer call() {
    choice(arch, "--arch", ImageCommands.ARCHES);
    return print(
        capsem
            .doctor()
            .diagnose(
                new DoctorRequest(
                    optionalFile(profile, "--profile"),
                    arch,
                    GivenPath.of(repoRoot),
                    WorkspaceInputs.path(guestBinaries))),
        json);
  }
}
