package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.enforcement.EnforcementFlow;

/** The enforcement use cases over the domain's enforcement flow. */
final class EnforcementService implements EnforcementUseCases {

  private final EnforcementFlow flow;

  EnforcementService(EnforcementFlow flow) {
    this.flow = flow;
  }

  @Override
  public Outcome<TextReport> validate(GivenPath file) {
    return flow.validate(file);
  }

  @Override
  public Outcome<TextReport> compile(GivenPath file) {
    return flow.compile(file);
  }

  @Override
  public Outcome<TextReport> backtest(
      GivenPath file, GivenPath events, GivenPath expected, boolean strict) {
    return flow.backtest(file, events, expected, strict);
  }

  @Override
  public Outcome<TextReport> test(GivenPath testFile, GivenPath junit) {
    return flow.test(testFile, junit);
  }

  @Override
  public Outcome<TextReport> schema() {
    String text = EnforcementFlow.schema();
    return Outcome.of(new TextReport(text, text));
  }
}
