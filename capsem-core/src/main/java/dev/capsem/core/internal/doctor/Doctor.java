package dev.capsem.core.internal.doctor;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.image.PackageContractHash;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.workspace.GuestArtifacts;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.ToolProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code capsem-admin doctor}: upstream's container checks, source files and profile plan. Ours
 * needs no Rust toolchain and no b3sum (guest agents are an input folder, hashing is native), so
 * those checks give way to a {@code guest-binaries} check of that folder.
 */
public final class Doctor {

  public static final String SCHEMA = "capsem.admin-doctor.v1";
  static final List<String> GUEST_BINARIES =
      List.of(
          "capsem-pty-agent",
          "capsem-net-proxy",
          "capsem-dns-proxy",
          "capsem-mcp-server",
          "capsem-sysutil");

  private final ToolProbe probe;
  private final Hasher hasher;
  private final Host host;
  private final Clock clock;

  public Doctor(ToolProbe probe, Hasher hasher, Host host, Clock clock) {
    this.probe = probe;
    this.hasher = hasher;
    this.host = host;
    this.clock = clock;
  }

  public DoctorResult run(DoctorRequest request) {
    List<DoctorCheck> checks = new ArrayList<>();
    boolean docker = containerRuntime(checks);
    if (docker && (host.isMac() || host.isWindows())) {
      containerResources().ifPresent(checks::add);
    }
    if (docker && host.isMac()) {
      containerClock().ifPresent(checks::add);
    }
    if (request.guestBinaries() != null) {
      checks.add(guestBinaries(request.guestBinaries(), request.arch()));
    }
    checks.add(sourceFiles(request.repoRoot()));

    List<Diagnostic> diagnostics = new ArrayList<>();
    ProfileCheck planned = null;
    String contractHash = null;
    if (request.profile() != null) {
      ProfileCheck check = ProfileReader.read(request.profile(), request.profileAsGiven());
      diagnostics.addAll(check.diagnostics().stream().filter(Diagnostic::isError).toList());
      if (check.profile() != null) {
        Diagnostic missing =
            ArchSelection.missingAssets(check.profile(), request.arch(), request.profileAsGiven());
        if (missing != null) {
          diagnostics.add(missing);
        } else {
          planned = check;
          contractHash = PackageContractHash.of(check.profile(), hasher);
        }
      }
      checks.add(
          planned != null
              ? DoctorCheck.pass(
                  "profile-image-plan",
                  planned.profile().reference()
                      + " for "
                      + String.join(", ", ArchSelection.of(request.arch())))
              : DoctorCheck.fail(
                  "profile-image-plan",
                  diagnostics.stream()
                      .map(
                          d ->
                              d.path().isEmpty() || d.path().equals("settings")
                                  ? d.message()
                                  : d.path() + ": " + d.message())
                      .collect(Collectors.joining("\n")),
                  "pass a valid Profile V2 payload or narrow --arch"));
    }
    boolean ok = checks.stream().allMatch(DoctorCheck::passed) && diagnostics.isEmpty();
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("ok", BooleanNode.of(ok))
            .put("repo_root", request.repoRootAsGiven())
            .put("checks", checksJson(checks))
            .put("diagnostics", DiagnosticJson.array(diagnostics));
    if (request.profile() != null) {
      report.put("profile_path", request.profileAsGiven());
    }
    if (planned != null) {
      report
          .put("profile_id", planned.profile().id())
          .put("profile_revision", planned.profile().revision());
    }
    report.put("selected_arch", request.arch());
    if (contractHash != null) {
      report.put("package_contract_hash", contractHash);
    }
    return new DoctorResult(
        ok,
        checks,
        diagnostics,
        planned == null ? null : planned.profile(),
        contractHash,
        request.profile() != null,
        report.build());
  }

  private boolean containerRuntime(List<DoctorCheck> checks) {
    Optional<ToolProbe.Output> version =
        probe.run(List.of("docker", "--version"), Duration.ofSeconds(10));
    if (version.isEmpty()) {
      checks.add(
          DoctorCheck.fail(
              "container-runtime",
              "docker not found on PATH",
              host.isMac()
                  ? "brew install colima docker && colima start --vm-type vz --vz-rosetta"
                  : "sudo apt install docker.io"));
      return false;
    }
    String detail = version.get().stdout().strip();
    checks.add(
        DoctorCheck.pass(
            "container-runtime", detail.isEmpty() ? "docker (version unknown)" : detail));
    return true;
  }

  private Optional<DoctorCheck> containerResources() {
    Optional<ToolProbe.Output> info =
        probe.run(List.of("docker", "info", "--format", "{{json .}}"), Duration.ofSeconds(10));
    if (info.isEmpty() || info.get().exitCode() != 0) {
      return Optional.empty();
    }
    try {
      Node parsed = JsonReader.read(info.get().stdout().strip(), JsonDialect.PYTHON);
      if (!(parsed instanceof ObjectNode object)
          || !(object.get("MemTotal") instanceof IntegerNode memory)
          || !(object.get("NCPU") instanceof IntegerNode cpus)) {
        return Optional.empty();
      }
      long megabytes = memory.value().longValue() / 1048576;
      String detail = "Colima: " + megabytes + "MB RAM, " + cpus.value() + " CPUs";
      if (megabytes < 4096) {
        return Optional.of(
            DoctorCheck.fail(
                "container-resources",
                detail + " (minimum 4096MB)",
                "colima stop && colima start --memory 8 --cpu 8"));
      }
      return Optional.of(
          DoctorCheck.pass(
              "container-resources", megabytes < 8192 ? detail + " (recommended 8192MB)" : detail));
    } catch (JsonSyntaxException e) {
      return Optional.empty();
    }
  }

  private Optional<DoctorCheck> containerClock() {
    Optional<ToolProbe.Output> date =
        probe.run(
            List.of("docker", "run", "--rm", "alpine", "date", "-u", "+%s"),
            Duration.ofSeconds(15));
    if (date.isEmpty() || date.get().exitCode() != 0) {
      return Optional.empty();
    }
    long vm;
    try {
      vm = Long.parseLong(date.get().stdout().strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    long skew = clock.instant().getEpochSecond() - vm;
    long size = Math.abs(skew);
    if (size > 30) {
      return Optional.of(
          DoctorCheck.fail(
              "container-clock",
              "Colima VM clock is " + size + "s " + (skew > 0 ? "behind" : "ahead") + " host",
              "colima restart"));
    }
    return Optional.of(
        DoctorCheck.pass("container-clock", "Colima VM clock skew: " + size + "s (ok)"));
  }

  private static DoctorCheck guestBinaries(Path folder, String arch) {
    List<String> missing = new ArrayList<>();
    for (String selected : ArchSelection.of(arch)) {
      for (String name : GUEST_BINARIES) {
        Path binary = folder.resolve(selected).resolve(name);
        if (!isNonEmptyFile(binary)) {
          missing.add(selected + "/" + name);
        }
      }
    }
    if (missing.isEmpty()) {
      return DoctorCheck.pass(
          "guest-binaries",
          "all "
              + GUEST_BINARIES.size()
              + " guest agent binaries present for "
              + String.join(", ", ArchSelection.of(arch)));
    }
    return DoctorCheck.fail(
        "guest-binaries",
        "missing: " + String.join(", ", missing),
        "put the prebuilt guest agent binaries under " + folder + "/<arch>/");
  }

  private static DoctorCheck sourceFiles(Path repoRoot) {
    List<String> missing = new ArrayList<>();
    Path artifacts = repoRoot.resolve("guest").resolve("artifacts");
    for (String name : GuestArtifacts.FILES) {
      if (!Files.isRegularFile(artifacts.resolve(name))) {
        missing.add(name);
      }
    }
    for (String name : GuestArtifacts.DIRECTORIES) {
      if (!Files.isDirectory(artifacts.resolve(name))) {
        missing.add("guest/artifacts/" + name);
      }
    }
    if (!Files.isRegularFile(repoRoot.resolve("config").resolve("capsem-ca.crt"))) {
      missing.add("capsem-ca.crt");
    }
    if (missing.isEmpty()) {
      return DoctorCheck.pass("source-files", "all 10 required source files present");
    }
    return DoctorCheck.fail(
        "source-files",
        "missing: " + String.join(", ", missing),
        "files missing from guest/artifacts/ or config/ -- check your checkout");
  }

  private static boolean isNonEmptyFile(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static ArrayNode checksJson(List<DoctorCheck> checks) {
    List<Node> items = new ArrayList<>();
    for (DoctorCheck check : checks) {
      ObjectNode.Builder item =
          ObjectNode.builder()
              .put("name", check.name())
              .put("passed", check.passed())
              .put("detail", check.detail());
      if (check.fix() != null) {
        item.put("fix", check.fix());
      }
      items.add(item.build());
    }
    return ArrayNode.of(items);
  }
}
