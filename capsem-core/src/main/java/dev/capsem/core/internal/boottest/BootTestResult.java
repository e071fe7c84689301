package dev.capsem.core.internal.boottest;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the boot test found, per architecture, and every problem as a coded diagnostic. */
public record BootTestResult(
    String profileId,
    String profileRevision,
    String assetsDir,
    List<ArchResult> arches,
    List<Diagnostic> diagnostics) {

  public static final String SCHEMA = "capsem.image-test.v1";

  public BootTestResult {
    arches = List.copyOf(arches);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Every architecture booted and passed its checks. */
  public boolean ok() {
    return !arches.isEmpty()
        && arches.stream().allMatch(ArchResult::ok)
        && DiagnosticJson.noErrors(diagnostics);
  }

  /** The {@code capsem.image-test.v1} report. */
  public ObjectNode report() {
    List<Node> archNodes = new ArrayList<>();
    for (ArchResult arch : arches) {
      archNodes.add(
          ObjectNode.builder()
              .put("arch", arch.arch())
              .put("ok", arch.ok())
              .put("accelerator", text(arch.accelerator()))
              .put("accelerator_note", arch.acceleratorNote())
              .put("boot_seconds", seconds(arch.bootSeconds()))
              .put("checks_done_seconds", seconds(arch.checksDoneSeconds()))
              .put(
                  "checks",
                  ObjectNode.builder()
                      .put("tests", arch.tests())
                      .put("passed", arch.passed())
                      .put("failed", arch.failed())
                      .put("skipped", arch.skipped())
                      .build())
              .put("failed_checks", ArrayNode.ofStrings(arch.failedChecks()))
              .put("console_log", text(arch.consoleLog()))
              .put("doctor_bundle", text(arch.doctorBundle()))
              .build());
    }
    return ObjectNode.builder()
        .put("schema", SCHEMA)
        .put("ok", ok())
        .put("profile_id", profileId)
        .put("profile_revision", profileRevision)
        .put("assets_dir", assetsDir)
        .put("arches", ArrayNode.of(archNodes))
        .put("diagnostics", DiagnosticJson.array(diagnostics))
        .build();
  }

  /** One line per architecture, for a log: {@code image test x86_64: 41/41 checks passed ...}. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    for (ArchResult arch : arches) {
      StringBuilder line = new StringBuilder("image test ").append(arch.arch()).append(": ");
      if (arch.accelerator() == null) {
        line.append("not booted");
      } else {
        line.append(arch.passed()).append('/').append(arch.tests()).append(" checks passed");
        if (arch.failed() > 0) {
          line.append(", ").append(arch.failed()).append(" failed");
        }
        if (arch.skipped() > 0) {
          line.append(", ").append(arch.skipped()).append(" skipped");
        }
        line.append(" under ").append(arch.accelerator());
        if (arch.bootSeconds() != null) {
          line.append(String.format(Locale.ROOT, " in %.1f s", arch.bootSeconds()));
        }
        if (arch.checksDoneSeconds() != null) {
          line.append(
              String.format(
                  Locale.ROOT, " (checks done %.1f s after boot)", arch.checksDoneSeconds()));
        }
      }
      line.append(arch.ok() ? ": ok" : ": FAILED");
      lines.add(line.toString());
    }
    return lines;
  }

  private static Node text(String value) {
    return value == null ? NullNode.of() : StringNode.of(value);
  }

  private static Node seconds(Double value) {
    return value == null
        ? NullNode.of()
        : new FloatNode(
            BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue(), null);
  }
}
