package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.detection.DetectionFlow;

/** The detection use cases over the domain's detection flow. */
final class DetectionService implements DetectionUseCases {

  private final DetectionFlow flow;

  DetectionService(DetectionFlow flow) {
    this.flow = flow;
  }

  @Override
  public Outcome<TextReport> validate(GivenPath file) {
    return flow.validate(file);
  }

  @Override
  public Outcome<TextReport> compile(GivenPath file, GivenPath out) {
    return flow.compile(file, out);
  }

  @Override
  public Outcome<TextReport> check(GivenPath file, GivenPath events, GivenPath expected) {
    return flow.check(file, events, expected);
  }

  @Override
  public Outcome<TextReport> schema() {
    String text = DetectionFlow.schema();
    return Outcome.of(new TextReport(text, text));
  }
}
