package dev.capsem.core.internal.policycontext;

import java.util.List;
import java.util.Objects;

/**
 * One line of a policy-context corpus ({@code capsem.policy-context-fixture.v1}): an event's
 * reference, the labels its author expects (informational), and its context.
 */
public record PolicyContextFixture(
    EventRef eventRef, List<String> expectedLabels, PolicyContext context) {

  public static final String SCHEMA = "capsem.policy-context-fixture.v1";

  public PolicyContextFixture {
    Objects.requireNonNull(eventRef, "eventRef");
    expectedLabels = List.copyOf(expectedLabels);
    Objects.requireNonNull(context, "context");
  }
}
