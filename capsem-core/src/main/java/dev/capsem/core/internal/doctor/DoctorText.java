package dev.capsem.core.internal.doctor;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import java.util.ArrayList;
import java.util.List;

/** The doctor's findings as {@code capsem-admin doctor} prints them. */
public final class DoctorText {

  private DoctorText() {}

  public static Outcome<TextReport> outcome(DoctorResult result) {
    List<String> lines = new ArrayList<>();
    lines.add("capsem-admin doctor");
    lines.add("=".repeat(20));
    long passed = 0;
    List<String> failures = new ArrayList<>();
    for (DoctorCheck check : result.checks()) {
      lines.add("  [" + (check.passed() ? "PASS" : "FAIL") + "] " + check.detail());
      if (!check.passed() && check.fix() != null) {
        lines.add("         fix: " + check.fix());
      }
      if (!check.passed()) {
        failures.add(check.detail());
      }
      passed += check.passed() ? 1 : 0;
    }
    if (!result.profileRequested()) {
      lines.add("");
      lines.add("profile: not checked (pass --profile)");
    } else if (result.profile() != null) {
      lines.add("");
      lines.add("profile: " + result.profile().reference());
      lines.add("package contract: " + result.packageContractHash());
    }
    lines.add("");
    String tally = passed + " passed, " + (result.checks().size() - passed) + " failed";
    lines.add(tally);
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(result.report()),
            TextReport.lines(lines),
            List.of(),
            List.of("doctor: " + tally),
            false),
        result.ok(),
        result.diagnostics(),
        "doctor: " + tally);
  }
}
