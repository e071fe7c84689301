package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.enforcement.EnforcementFlow;
import dev.capsem.core.internal.enforcement.EnforcementReports;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.report.Validations;
import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The detection use cases: packs with embedded Sigma, compiled to Detection IR v1 (D15), checked
 * against JSONL corpora.
 */
public final class DetectionFlow {

  private final Clock clock;
  private final FileAccess files;

  public DetectionFlow(Clock clock, FileAccess files) {
    this.clock = clock;
    this.files = files;
  }

  /** The pack envelope (the Sigma is not parsed, as upstream). */
  public Outcome<TextReport> validate(GivenPath file) {
    DetectionRead read = DetectionPackReader.read(file.path(), file.shown());
    return Validations.outcome(
        "detection pack " + file.shown(),
        read.ok(),
        read.diagnostics(),
        EnforcementReports.validation(
            EnforcementReports.VALIDATION_SCHEMA,
            file.shown(),
            read.ok(),
            read.diagnostics(),
            read.ok() ? read.pack().id() : null,
            read.ok() ? read.pack().version() : null),
        read.ok()
            ? "valid: detection pack " + read.pack().id() + "@" + read.pack().version()
            : null);
  }

  /**
   * Compiles the Sigma sources to Detection IR ({@code capsem.detection-compile.v1}): written to
   * {@code out} when given, else printed.
   */
  public Outcome<TextReport> compile(GivenPath file, GivenPath out) {
    String outShown = out == null ? null : out.shown();
    DetectionRead read = DetectionPackReader.read(file.path(), file.shown());
    if (!read.ok()) {
      return refused(
          "invalid detection pack " + PythonPath.normalize(file.shown()),
          read.diagnostics(),
          DetectionReports.compile(null, null, outShown, located(read.diagnostics())));
    }
    SigmaCompiler.Compiled compiled = SigmaCompiler.compile(read.pack());
    if (!compiled.ok()) {
      return refused(
          compiled.problem().message(),
          List.of(compiled.problem()),
          DetectionReports.compile(null, null, outShown, List.of(compiled.problem())));
    }
    String ir = compiled.ir().text();
    if (out != null) {
      try {
        files.writeText(out.path(), ir);
      } catch (IOException e) {
        Diagnostic cannotWrite =
            new Diagnostic(
                Code.E002, outShown, "", null, "cannot write " + outShown + ": " + e.getMessage());
        return refused(
            cannotWrite.message(),
            List.of(cannotWrite),
            DetectionReports.compile(null, null, outShown, List.of(cannotWrite)));
      }
    }
    ObjectNode report = DetectionReports.compile(read.pack(), compiled.ir(), outShown, List.of());
    long rules = ((IntegerNode) report.get("rule_count")).value().longValueExact();
    String done =
        "compiled " + rules + " detection rule(s)" + (out == null ? "" : " to " + outShown);
    return Outcome.of(
        new TextReport(
            JsonPrinter.pretty().printLine(report), out == null ? ir : done + "\n", List.of(done)));
  }

  /**
   * A compilation that failed with a report: {@code --json} prints the report, the text form says
   * {@code Error: <why>} before the findings, as upstream's ClickException does.
   */
  private static Outcome<TextReport> refused(
      String why, List<Diagnostic> diagnostics, ObjectNode report) {
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report), "", List.of("Error: " + why), List.of(), false),
        false,
        diagnostics,
        why);
  }

  /**
   * Runs the compiled rules over a JSONL corpus ({@code capsem.detection-check.v1}); with {@code
   * expected}, the report must be that file's.
   */
  public Outcome<TextReport> check(GivenPath file, GivenPath events, GivenPath expected) {
    Instant started = clock.instant();
    DetectionRead read = DetectionPackReader.read(file.path(), file.shown());
    if (!read.ok()) {
      return Outcome.failed(
          "invalid detection pack " + PythonPath.normalize(file.shown()), read.diagnostics());
    }
    SigmaCompiler.Compiled compiled = SigmaCompiler.compile(read.pack());
    if (!compiled.ok()) {
      return Outcome.failed(compiled.problem().message(), List.of(compiled.problem()));
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    PolicyContextCorpus corpus = PolicyContextCorpus.read(events.path(), events.shown());
    if (!corpus.ok()) {
      diagnostics.add(corpus.problem());
    }
    List<DetectionCheck.Finding> findings = DetectionCheck.run(compiled.ir(), corpus.fixtures());
    double durationMs = Duration.between(started, clock.instant()).toNanos() / 1_000_000.0;
    ObjectNode report =
        DetectionReports.check(
            read.pack(),
            compiled.ir(),
            corpus.fixtures().size(),
            findings,
            diagnostics,
            durationMs);
    String checked =
        "checked "
            + ((IntegerNode) report.get("event_count")).value()
            + " event(s), "
            + ((IntegerNode) report.get("match_count")).value()
            + " finding(s)";
    return EnforcementFlow.compared(
        "detection check of " + file.shown(), report, checked, diagnostics, expected);
  }

  /**
   * Load findings as report strings with their location ({@code sources.0: Value error, ...}),
   * since upstream's report string carries the location too.
   */
  private static List<Diagnostic> located(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      out.add(
          new Diagnostic(
              d.code(),
              d.file(),
              d.path(),
              d.position(),
              d.path().isEmpty() ? d.message() : d.path() + ": " + d.message()));
    }
    return out;
  }

  /** The JSON Schema of {@code capsem.detection-pack.v1}, as {@code detection schema} prints it. */
  public static String schema() {
    return DetectionPackSchema.documentText();
  }
}
