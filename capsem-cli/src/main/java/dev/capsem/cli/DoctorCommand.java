package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.internal.doctor.DoctorCheck;
import dev.capsem.core.internal.doctor.DoctorRequest;
import dev.capsem.core.internal.doctor.DoctorResult;
import dev.capsem.core.internal.json.JsonPrinter;
import java.nio.file.Path;
import java.util.List;
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
    choice(arch, "--arch", List.of("all", "arm64", "x86_64"));
    Path profileFile = profile == null ? null : existingFile(profile, "--profile");
    DoctorResult result =
        capsem
            .doctor()
            .diagnose(
                new DoctorRequest(
                    profileFile,
                    profile,
                    arch,
                    Path.of(repoRoot),
                    repoRoot,
                    guestBinaries == null ? null : Path.of(guestBinaries)));
    Console console = console();
    if (json) {
      console.outRaw(JsonPrinter.pretty().printLine(result.report()));
      return ExitCodes.of(result.ok());
    }
    console.out("capsem-admin doctor");
    console.out("=".repeat(20));
    long passed = 0;
    for (DoctorCheck check : result.checks()) {
      console.out("  [" + (check.passed() ? "PASS" : "FAIL") + "] " + check.detail());
      if (!check.passed() && check.fix() != null) {
        console.out("         fix: " + check.fix());
      }
      passed += check.passed() ? 1 : 0;
    }
    if (!result.profileRequested()) {
      console.out("");
      console.out("profile: not checked (pass --profile)");
    } else if (result.profile() != null) {
      console.out("");
      console.out("profile: " + result.profile().reference());
      console.out("package contract: " + result.packageContractHash());
    }
    console.out("");
    console.out(passed + " passed, " + (result.checks().size() - passed) + " failed");
    console.diagnostics(result.diagnostics());
    return ExitCodes.of(result.ok());
  }
}
