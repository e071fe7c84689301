package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.CorpusStream;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.ExpectedReports;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.report.Validations;
import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The enforcement use cases: packs in either shape (D2), full CEL conditions (D3), backtests over
 * JSONL corpora, rule tests with JUnit XML. Compiled conditions are cached for the life of this
 * object.
 */
public final class EnforcementFlow {

  private final Clock clock;
  private final FileAccess files;
  private final ConditionCompiler compiler = new ConditionCompiler();

  public EnforcementFlow(Clock clock, FileAccess files) {
    this.clock = clock;
    this.files = files;
  }

  /** Structure and every condition (parse, roots, paths, types). */
  public Outcome<TextReport> validate(GivenPath file) {
    String shownAs = file.shown();
    EnforcementRead read = EnforcementReader.read(file.path(), shownAs);
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    if (read.checkable() != null) {
      diagnostics.addAll(PackCompilation.compile(read.checkable(), compiler).problems());
    }
    boolean ok = read.ok() && DiagnosticJson.noErrors(diagnostics);
    EnforcementPack pack = read.pack();
    boolean named = pack != null && pack.shape() == PackShape.POLICY_PACK;
    String valid = null;
    if (ok) {
      valid =
          named
              ? "valid: policy pack " + pack.id() + "@" + pack.version()
              : "valid: enforcement rules (" + pack.rules().size() + " rule(s))";
    }
    return Validations.outcome(
        "enforcement file " + shownAs,
        ok,
        diagnostics,
        EnforcementReports.validation(
            EnforcementReports.VALIDATION_SCHEMA,
            shownAs,
            ok,
            diagnostics,
            named ? pack.id() : null,
            named ? pack.version() : null),
        valid);
  }

  /** Every condition compiled: {@code capsem.policy-compile.v1}. */
  public Outcome<TextReport> compile(GivenPath file) {
    EnforcementRead read = EnforcementReader.read(file.path(), file.shown());
    if (!read.ok()) {
      return refused(file, read);
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    ObjectNode report = EnforcementReports.compile(compilation);
    String compiled = "compiled " + count(report, "rule_count") + " policy rule(s)";
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report),
            compilation.ok() ? compiled + "\n" : "",
            List.of(compiled)),
        compilation.ok(),
        compilation.problems(),
        "enforcement file " + file.shown() + " does not compile");
  }

  /**
   * Replays a JSONL corpus ({@code capsem.policy-backtest.v1}); with {@code expected}, the report
   * must be that file's (E223 at the first differing line).
   */
  public Outcome<TextReport> backtest(GivenPath file, GivenPath events, GivenPath expected) {
    return backtest(file, events, expected, false);
  }

  /**
   * As above; with {@code strict}, a rule that exceeded its CEL evaluation budget on some event is
   * an error (E577) and the report is not ok. Either way the report lists such rules (W570).
   */
  public Outcome<TextReport> backtest(
      GivenPath file, GivenPath events, GivenPath expected, boolean strict) {
    Instant started = clock.instant();
    EnforcementRead read = EnforcementReader.read(file.path(), file.shown());
    if (!read.ok()) {
      return refused(file, read);
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    if (compilation.ok() && expected == null) {
      Outcome<TextReport> streamed =
          streamed(file, events, read.pack(), compilation, started, strict);
      if (streamed != null) {
        return streamed;
      }
    }
    List<Diagnostic> diagnostics = new ArrayList<>(compilation.problems());
    PolicyContextCorpus corpus = PolicyContextCorpus.read(events.path(), events.shown());
    if (!corpus.ok()) {
      diagnostics.add(corpus.problem());
    }
    Backtest.Result result =
        compilation.ok()
            ? Backtest.run(compilation.engine(), corpus.fixtures())
            : new Backtest.Result(List.of(), java.util.Map.of());
    diagnostics.addAll(EnforcementReports.budgetProblems(result, file.shown(), strict));
    double durationMs = Duration.between(started, clock.instant()).toNanos() / 1_000_000.0;
    ObjectNode report =
        EnforcementReports.backtest(
            read.pack(), corpus.fixtures().size(), result, diagnostics, durationMs);
    String checked =
        "checked "
            + count(report, "event_count")
            + " event(s), "
            + count(report, "match_count")
            + " enforcement match(es)";
    return compared(
        "enforcement backtest of " + file.shown(), report, checked, diagnostics, expected);
  }

  /**
   * The backtest with the corpus streamed and the report written as it is printed (constant
   * memory); {@code null} when the corpus needs the whole-file reader, which words its refusal.
   */
  private Outcome<TextReport> streamed(
      GivenPath file,
      GivenPath events,
      EnforcementPack pack,
      PackCompilation compilation,
      Instant started,
      boolean strict) {
    StreamedBacktest run;
    try {
      run = StreamedBacktest.run(compilation.engine(), pack, CorpusStream.create(), events.path());
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
    if (run == null) {
      return null;
    }
    List<Diagnostic> diagnostics = new ArrayList<>(compilation.problems());
    diagnostics.addAll(EnforcementReports.budgetProblems(run.budget(), file.shown(), strict));
    double durationMs = Duration.between(started, clock.instant()).toNanos() / 1_000_000.0;
    String subject = "enforcement backtest of " + file.shown();
    String counts = run.events() + " event(s), " + run.matches();
    boolean ok = diagnostics.stream().noneMatch(Diagnostic::isError);
    return Outcome.checked(
        TextReport.streamed(
            run.report(diagnostics, durationMs),
            "checked " + counts + " enforcement match(es)\n",
            ok ? List.of(subject + ": " + counts + " match(es)") : List.of()),
        ok,
        diagnostics,
        subject + " failed");
  }

  /**
   * A backtest or check report, compared with an expected report when one is given, as a log
   * summarises it: {@code <subject>: N event(s), M match(es) as expected in <file>}.
   */
  public static Outcome<TextReport> compared(
      String subject, ObjectNode report, String text, List<Diagnostic> found, GivenPath expected) {
    List<Diagnostic> diagnostics = new ArrayList<>(found);
    if (expected != null) {
      try {
        diagnostics.addAll(
            ExpectedReports.compare(
                report,
                new String(
                    java.nio.file.Files.readAllBytes(expected.path()),
                    java.nio.charset.StandardCharsets.UTF_8),
                expected.shown()));
      } catch (IOException e) {
        return Outcome.failed("cannot read " + expected.shown() + ": " + e.getMessage(), found);
      }
    }
    String summary =
        subject
            + ": "
            + count(report, "event_count")
            + " event(s), "
            + count(report, "match_count")
            + " match(es)"
            + (expected != null ? " as expected in " + expected.shown() : "");
    boolean ok = diagnostics.stream().noneMatch(Diagnostic::isError);
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report), text + "\n", ok ? List.of(summary) : List.of()),
        ok,
        diagnostics,
        subject + " failed");
  }

  static long count(ObjectNode report, String key) {
    return ((IntegerNode) report.get(key)).value().longValueExact();
  }

  /**
   * Runs a rule-test file ({@code *.enforcement-test.toml}); writes its JUnit XML to {@code junit}
   * when given.
   */
  public Outcome<TextReport> test(GivenPath testFile, GivenPath junit) {
    String shownAs = testFile.shown();
    RuleTestSuite.Read suiteRead = RuleTestSuite.read(testFile.path(), shownAs);
    if (suiteRead.suite() == null) {
      return Outcome.failed(
          "invalid enforcement test " + PythonPath.normalize(shownAs), suiteRead.diagnostics());
    }
    RuleTestSuite suite = suiteRead.suite();
    EnforcementRead read = EnforcementReader.read(suite.pack(), suite.packShownAs());
    if (!read.ok()) {
      return Outcome.failed(
          "invalid enforcement pack " + PythonPath.normalize(suite.packShownAs()),
          read.diagnostics());
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    if (!compilation.ok()) {
      return Outcome.failed(
          "enforcement pack "
              + PythonPath.normalize(suite.packShownAs())
              + " has rules that do not compile",
          compilation.problems());
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<PolicyContextFixture> corpus = new ArrayList<>();
    for (int i = 0; i < suite.events().size(); i++) {
      PolicyContextCorpus events =
          PolicyContextCorpus.read(suite.events().get(i), suite.eventsShownAs().get(i));
      if (events.ok()) {
        corpus.addAll(events.fixtures());
      } else {
        diagnostics.add(events.problem());
      }
    }
    RuleTestRun run = RuleTestRun.run(suite, compilation, corpus);
    diagnostics.addAll(run.diagnostics());
    boolean ok = DiagnosticJson.noErrors(diagnostics);
    List<String> lines = new ArrayList<>();
    for (RuleTestRun.CaseResult result : run.results()) {
      lines.add(result.passed() ? "PASS " + result.testCase().name() : "FAIL " + result.failure());
    }
    lines.add(
        "ran "
            + run.results().size()
            + " case(s): "
            + (run.results().size() - run.failures())
            + " passed, "
            + run.failures()
            + " failed");
    RuleTestRun reported = new RuleTestRun(run.pack(), run.results(), run.hits(), diagnostics);
    if (junit != null) {
      try {
        files.writeText(junit.path(), RuleTestReports.junitXml(PythonPath.normalize(shownAs), run));
      } catch (IOException e) {
        return Outcome.failed("cannot write " + junit.shown() + ": " + e.getMessage(), List.of());
      }
    }
    List<String> summary = new ArrayList<>(lines);
    if (ok) {
      summary.add(
          "enforcement tests "
              + shownAs
              + " passed"
              + (junit == null ? "" : "; JUnit report " + junit.shown()));
    }
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(RuleTestReports.json(shownAs, reported, ok)),
            TextReport.lines(lines),
            summary),
        ok,
        diagnostics,
        "enforcement tests " + shownAs + " failed");
  }

  /** The JSON Schema of {@code capsem.policy-pack.v1}, as {@code enforcement schema} prints it. */
  public static String schema() {
    return PolicyPackSchema.documentText();
  }

  /** A pack loaded for evaluation, or the findings why it cannot be. */
  public record Loaded(PolicyEvaluator evaluator, List<Diagnostic> diagnostics) {}

  public Loaded load(GivenPath file) {
    EnforcementRead read = EnforcementReader.read(file.path(), file.shown());
    if (!read.ok()) {
      return new Loaded(null, read.diagnostics());
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    return compilation.ok()
        ? new Loaded(compilation.engine(), read.diagnostics())
        : new Loaded(null, compilation.problems());
  }

  /**
   * The evaluator of a pack built in code.
   *
   * @throws IllegalArgumentException naming every rule whose condition does not compile
   */
  public PolicyEvaluator evaluator(EnforcementPack pack) {
    PackCompilation compilation = PackCompilation.compile(pack, compiler);
    if (!compilation.ok()) {
      throw new IllegalArgumentException(
          String.join("; ", compilation.problems().stream().map(Diagnostic::message).toList()));
    }
    return compilation.engine();
  }

  private static Outcome<TextReport> refused(GivenPath file, EnforcementRead read) {
    return Outcome.failed(
        "invalid enforcement pack " + PythonPath.normalize(file.shown()), read.diagnostics());
  }
}
