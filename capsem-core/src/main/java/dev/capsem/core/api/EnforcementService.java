package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.enforcement.Backtest;
import dev.capsem.core.internal.enforcement.ConditionCompiler;
import dev.capsem.core.internal.enforcement.EnforcementPack;
import dev.capsem.core.internal.enforcement.EnforcementRead;
import dev.capsem.core.internal.enforcement.EnforcementReader;
import dev.capsem.core.internal.enforcement.EnforcementReports;
import dev.capsem.core.internal.enforcement.PackCompilation;
import dev.capsem.core.internal.enforcement.PackShape;
import dev.capsem.core.internal.enforcement.PolicyEvaluator;
import dev.capsem.core.internal.enforcement.PolicyPackSchema;
import dev.capsem.core.internal.enforcement.RuleTestReports;
import dev.capsem.core.internal.enforcement.RuleTestRun;
import dev.capsem.core.internal.enforcement.RuleTestSuite;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The enforcement use cases; one condition cache per {@link Capsem}. */
final class EnforcementService implements EnforcementUseCases {

  private final Clock clock;
  private final ConditionCompiler compiler = new ConditionCompiler();

  EnforcementService(Ports ports) {
    this.clock = ports.clock();
  }

  @Override
  public PackValidation validate(Path file, String shownAs) {
    EnforcementRead read = EnforcementReader.read(file, shownAs);
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    if (read.checkable() != null) {
      diagnostics.addAll(PackCompilation.compile(read.checkable(), compiler).problems());
    }
    boolean ok = read.ok() && DiagnosticJson.noErrors(diagnostics);
    EnforcementPack pack = read.pack();
    boolean named = pack != null && pack.shape() == PackShape.POLICY_PACK;
    String summary = null;
    if (ok) {
      summary =
          named
              ? "valid: policy pack " + pack.id() + "@" + pack.version()
              : "valid: enforcement rules (" + pack.rules().size() + " rule(s))";
    }
    return new PackValidation(
        ok,
        diagnostics,
        EnforcementReports.validation(
            EnforcementReports.VALIDATION_SCHEMA,
            shownAs,
            ok,
            diagnostics,
            named ? pack.id() : null,
            named ? pack.version() : null),
        summary);
  }

  @Override
  public PackReport compile(Path file, String shownAs) {
    EnforcementRead read = EnforcementReader.read(file, shownAs);
    if (!read.ok()) {
      return refused(shownAs, read);
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    return new PackReport(
        compilation.ok(),
        compilation.problems(),
        EnforcementReports.compile(compilation),
        null,
        null);
  }

  @Override
  public PackReport backtest(
      Path file, String shownAs, Path events, String eventsShownAs, boolean strict) {
    Instant started = clock.instant();
    EnforcementRead read = EnforcementReader.read(file, shownAs);
    if (!read.ok()) {
      return refused(shownAs, read);
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    List<Diagnostic> diagnostics = new ArrayList<>(compilation.problems());
    PolicyContextCorpus corpus = PolicyContextCorpus.read(events, eventsShownAs);
    if (!corpus.ok()) {
      diagnostics.add(corpus.problem());
    }
    Backtest.Result result =
        compilation.ok()
            ? Backtest.run(compilation.engine(), corpus.fixtures())
            : new Backtest.Result(List.of(), java.util.Map.of());
    diagnostics.addAll(EnforcementReports.budgetProblems(result, shownAs, strict));
    double durationMs = Duration.between(started, clock.instant()).toNanos() / 1_000_000.0;
    return new PackReport(
        DiagnosticJson.noErrors(diagnostics),
        diagnostics,
        EnforcementReports.backtest(
            read.pack(), corpus.fixtures().size(), result, diagnostics, durationMs),
        null,
        null);
  }

  @Override
  public RuleTestOutcome test(Path testFile, String shownAs) {
    RuleTestSuite.Read suiteRead = RuleTestSuite.read(testFile, shownAs);
    if (suiteRead.suite() == null) {
      return new RuleTestOutcome(
          false,
          List.of(),
          suiteRead.diagnostics(),
          null,
          null,
          "invalid enforcement test " + PythonPath.normalize(shownAs));
    }
    RuleTestSuite suite = suiteRead.suite();
    EnforcementRead read = EnforcementReader.read(suite.pack(), suite.packShownAs());
    if (!read.ok()) {
      return new RuleTestOutcome(
          false,
          List.of(),
          read.diagnostics(),
          null,
          null,
          "invalid enforcement pack " + PythonPath.normalize(suite.packShownAs()));
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    if (!compilation.ok()) {
      return new RuleTestOutcome(
          false,
          List.of(),
          compilation.problems(),
          null,
          null,
          "enforcement pack "
              + PythonPath.normalize(suite.packShownAs())
              + " has rules that do not compile");
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
    return new RuleTestOutcome(
        ok,
        lines,
        diagnostics,
        RuleTestReports.json(shownAs, reported, ok),
        RuleTestReports.junitXml(PythonPath.normalize(shownAs), run),
        null);
  }

  @Override
  public String schema() {
    return PolicyPackSchema.documentText();
  }

  @Override
  public LoadedPolicy load(Path file, String shownAs) {
    EnforcementRead read = EnforcementReader.read(file, shownAs);
    if (!read.ok()) {
      return new LoadedPolicy(null, read.diagnostics());
    }
    PackCompilation compilation = PackCompilation.compile(read.pack(), compiler);
    return compilation.ok()
        ? new LoadedPolicy(compilation.engine(), read.diagnostics())
        : new LoadedPolicy(null, compilation.problems());
  }

  @Override
  public PolicyEvaluator evaluator(EnforcementPack pack) {
    PackCompilation compilation = PackCompilation.compile(pack, compiler);
    if (!compilation.ok()) {
      throw new IllegalArgumentException(
          String.join("; ", compilation.problems().stream().map(Diagnostic::message).toList()));
    }
    return compilation.engine();
  }

  private static PackReport refused(String shownAs, EnforcementRead read) {
    return PackReport.refused(
        "invalid enforcement pack " + PythonPath.normalize(shownAs), read.diagnostics());
  }
}
