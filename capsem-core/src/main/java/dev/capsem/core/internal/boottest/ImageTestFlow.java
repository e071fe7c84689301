package dev.capsem.core.internal.boottest;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.image.GuestBinaries;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.VirtualMachines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code image test} and the release's boot step: a profile read once, the selected architectures
 * of a built assets folder booted by {@link BootTest}, the {@code capsem.image-test.v1} report as
 * an outcome. A doctor bundle of an earlier boot is removed first, so a bundle present afterwards
 * is this boot's.
 */
public final class ImageTestFlow {

  private final VirtualMachines machines;

  public ImageTestFlow(VirtualMachines machines) {
    this.machines = Objects.requireNonNull(machines, "machines");
  }

  /**
   * How the image was built and how long it may take.
   *
   * @param timeout one VM's time limit, or null for {@link BootTestRequest#DEFAULT_TIMEOUT}
   * @param caCertificate the CA the image must trust, or null to check only that one is there
   * @param withAgents whether the image was built with the guest agents (then they must start)
   * @param workDir where the VMs' disks are made, or null for {@code <assets>/.capsem-boot}
   */
  public record Options(
      Duration timeout, GivenPath caCertificate, boolean withAgents, GivenPath workDir) {

    /** The defaults: five minutes, no CA to compare, agents expected. */
    public static Options defaults() {
      return new Options(null, null, true, null);
    }
  }

  public Outcome<TextReport> test(
      ProfileCheck check,
      GivenPath profile,
      GivenPath assets,
      String arch,
      Options options,
      BuildProgress progress) {
    if (check.profile() == null) {
      return Outcome.failed(
          "invalid profile " + PythonPath.normalize(profile.shown()), check.diagnostics());
    }
    Diagnostic noAssets = ArchSelection.missingAssets(check.profile(), arch, profile.shown());
    if (noAssets != null) {
      return Outcome.failed(noAssets.message(), List.of(noAssets));
    }
    BootTestRequest request =
        BootTestRequest.of(check.profile(), assets.path(), assets.shown(), ArchSelection.of(arch));
    if (options.timeout() != null) {
      request = request.withTimeout(options.timeout());
    }
    if (options.caCertificate() != null) {
      request = request.withCaCertificate(options.caCertificate().path());
    }
    request = request.withAgents(options.withAgents() ? GuestBinaries.NAMES : List.of());
    if (options.workDir() != null) {
      request = request.withWorkDir(options.workDir().path());
    }
    try {
      for (String selected : request.arches()) {
        Files.deleteIfExists(assets.path().resolve(selected).resolve(BootTest.BUNDLE));
      }
    } catch (IOException e) {
      return Outcome.failed("cannot remove an earlier doctor bundle: " + e.getMessage(), List.of());
    }
    BootTestResult result = new BootTest(machines, progress).run(request);
    removeIfEmpty(request.workDir());
    List<Diagnostic> diagnostics = new ArrayList<>(check.diagnostics());
    diagnostics.addAll(result.diagnostics());
    TextReport report =
        new TextReport(
            JsonPrinter.pretty().printLine(result.report()),
            TextReport.lines(result.summary()),
            failures(result),
            result.summary(),
            false);
    return Outcome.checked(report, result.ok(), diagnostics, why(result));
  }

  /** One line per architecture that did not pass: {@code x86_64: E503 tools/jq}. */
  private static List<String> failures(BootTestResult result) {
    List<String> lines = new ArrayList<>();
    for (ArchResult arch : result.arches()) {
      if (!arch.ok()) {
        lines.add(
            arch.arch()
                + ": "
                + (arch.failedChecks().isEmpty()
                    ? "not booted to its checks"
                    : "failed " + String.join(", ", arch.failedChecks()))
                + (arch.consoleLog() == null ? "" : " (console " + arch.consoleLog() + ")"));
      }
    }
    return lines;
  }

  /** {@code boot test failed (E503)}: the codes, so a log line says what kind of failure. */
  private static String why(BootTestResult result) {
    Set<String> codes = new LinkedHashSet<>();
    result.diagnostics().stream()
        .filter(Diagnostic::isError)
        .forEach(d -> codes.add(d.code().name()));
    return "boot test failed" + (codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")");
  }

  private static void removeIfEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // Absent, or in use by someone else: either way not ours to report.
    }
  }
}
