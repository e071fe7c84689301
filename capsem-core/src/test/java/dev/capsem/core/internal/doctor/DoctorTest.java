package dev.capsem.core.internal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.ToolProbe;
import dev.capsem.core.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's checks and report, with a scripted host (the real probe is exercised in it/). */
class DoctorTest {

  private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");
  private static final Hasher NO_HASHING =
      new Hasher() {
        @Override
        public HashStream start() {
          throw new UnsupportedOperationException("no profile is planned in this test");
        }

        @Override
        public String hexOfFile(Path file) {
          throw new UnsupportedOperationException();
        }
      };

  @TempDir Path repo;

  /** Answers commands from a script; an unscripted command is "not found". */
  private static final class ScriptedProbe implements ToolProbe {
    final Map<String, Output> answers = new HashMap<>();

    ScriptedProbe answer(String command, int exit, String stdout) {
      answers.put(command, new Output(exit, stdout, ""));
      return this;
    }

    @Override
    public Optional<Output> run(List<String> command, java.time.Duration timeout) {
      return Optional.ofNullable(answers.get(String.join(" ", command)));
    }
  }

  private Doctor doctor(ScriptedProbe probe, String os) {
    return new Doctor(probe, NO_HASHING, new Host(os, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private DoctorRequest request() {
    return new DoctorRequest(null, null, "all", repo, ".", null);
  }

  @Test
  void run_dockerMissingOnLinux_failsWithAptFix() {
    DoctorResult result = doctor(new ScriptedProbe(), "Linux").run(request());

    DoctorCheck runtime = result.checks().get(0);
    assertThat(runtime)
        .isEqualTo(
            DoctorCheck.fail(
                "container-runtime", "docker not found on PATH", "sudo apt install docker.io"));
    assertThat(result.ok()).isFalse();
  }

  @Test
  void run_dockerMissingOnMac_failsWithColimaFix() {
    DoctorResult result = doctor(new ScriptedProbe(), "Mac OS X").run(request());

    assertThat(result.checks().get(0).fix())
        .isEqualTo("brew install colima docker && colima start --vm-type vz --vz-rosetta");
  }

  @Test
  void run_dockerOnLinux_passesWithItsVersionAndSkipsColimaChecks() {
    ScriptedProbe probe =
        new ScriptedProbe().answer("docker --version", 0, "Docker version 28.2.2, build e6534b4\n");

    DoctorResult result = doctor(probe, "Linux").run(request());

    assertThat(result.checks().get(0))
        .isEqualTo(DoctorCheck.pass("container-runtime", "Docker version 28.2.2, build e6534b4"));
    assertThat(result.checks())
        .extracting(DoctorCheck::name)
        .containsExactly("container-runtime", "source-files");
  }

  @Test
  void run_macWithSmallVm_reportsResourcesAndClock() {
    ScriptedProbe probe =
        new ScriptedProbe()
            .answer("docker --version", 0, "Docker version 27.0.0\n")
            .answer("docker info --format {{json .}}", 0, "{\"MemTotal\": 4294967296, \"NCPU\": 2}")
            .answer("docker run --rm alpine date -u +%s", 0, (NOW.getEpochSecond() - 45) + "\n");

    DoctorResult result = doctor(probe, "Mac OS X").run(request());

    assertThat(result.checks().get(1))
        .isEqualTo(
            DoctorCheck.pass(
                "container-resources", "Colima: 4096MB RAM, 2 CPUs (recommended 8192MB)"));
    assertThat(result.checks().get(2))
        .isEqualTo(
            DoctorCheck.fail(
                "container-clock", "Colima VM clock is 45s behind host", "colima restart"));
  }

  @Test
  void run_macBelowMinimumMemory_failsResources() {
    ScriptedProbe probe =
        new ScriptedProbe()
            .answer("docker --version", 0, "Docker version 27.0.0\n")
            .answer("docker info --format {{json .}}", 0, "{\"MemTotal\": 2147483648, \"NCPU\": 8}")
            .answer("docker run --rm alpine date -u +%s", 0, (NOW.getEpochSecond() + 3) + "\n");

    DoctorResult result = doctor(probe, "Mac OS X").run(request());

    assertThat(result.checks().get(1))
        .isEqualTo(
            DoctorCheck.fail(
                "container-resources",
                "Colima: 2048MB RAM, 8 CPUs (minimum 4096MB)",
                "colima stop && colima start --memory 8 --cpu 8"));
    assertThat(result.checks().get(2))
        .isEqualTo(DoctorCheck.pass("container-clock", "Colima VM clock skew: 3s (ok)"));
  }

  @Test
  void run_sourceFiles_listsWhatIsMissing() throws Exception {
    Path artifacts = Files.createDirectories(repo.resolve("guest/artifacts"));
    for (String name :
        List.of("capsem-init", "capsem-bashrc", "banner.txt", "tips.txt", "capsem-doctor")) {
      Files.writeString(artifacts.resolve(name), "x");
    }
    Files.createDirectories(artifacts.resolve("diagnostics"));

    DoctorResult result = doctor(new ScriptedProbe(), "Linux").run(request());

    assertThat(result.checks().get(1))
        .isEqualTo(
            DoctorCheck.fail(
                "source-files",
                "missing: capsem-bench, snapshots, guest/artifacts/capsem_bench, capsem-ca.crt",
                "files missing from guest/artifacts/ or config/ -- check your checkout"));
  }

  @Test
  void run_guestBinaries_namesEachMissingBinaryPerArch() throws Exception {
    Path binaries = Files.createDirectories(repo.resolve("bin/x86_64"));
    for (String name : Doctor.GUEST_BINARIES) {
      Files.writeString(binaries.resolve(name), "\u007fELF");
    }
    Files.writeString(binaries.resolve("capsem-sysutil"), "");

    DoctorResult result =
        doctor(new ScriptedProbe(), "Linux")
            .run(new DoctorRequest(null, null, "x86_64", repo, ".", repo.resolve("bin")));

    assertThat(result.checks().get(1).name()).isEqualTo("guest-binaries");
    assertThat(result.checks().get(1).detail()).isEqualTo("missing: x86_64/capsem-sysutil");
  }

  @Test
  void run_profileMissingAnArch_failsClosedWithE102() {
    Path profile = Conformance.file("schemas/fixtures/profile-v2-valid.json");

    DoctorResult result =
        doctor(new ScriptedProbe(), "Linux")
            .run(new DoctorRequest(profile, "valid.json", "all", repo, ".", null));

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code().name()).isEqualTo("E102");
              assertThat(d.message())
                  .isEqualTo(
                      "profile 'everyday-work' revision '2026.0520.1' missing VM assets for arch 'x86_64'");
            });
    String report = JsonPrinter.pretty().print(result.report());
    assertThat(report)
        .contains("\"profile_path\": \"valid.json\"")
        .doesNotContain("profile_id")
        .doesNotContain("package_contract_hash");
  }

  @Test
  void run_noProfile_reportKeysInUpstreamOrder() {
    DoctorResult result = doctor(new ScriptedProbe(), "Linux").run(request());

    assertThat(result.report().keys())
        .containsExactly("schema", "ok", "repo_root", "checks", "diagnostics", "selected_arch");
    assertThat(result.profileRequested()).isFalse();
  }
}
