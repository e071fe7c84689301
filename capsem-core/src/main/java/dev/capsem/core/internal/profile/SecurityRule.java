package dev.capsem.core.internal.profile;

import java.util.List;

/**
 * One enforcement rule of a profile: on an event ({@code on}), when a CEL condition holds ({@code
 * condition}, written {@code if}), decide. Lower priorities are evaluated first.
 */
public record SecurityRule(
    String family,
    String name,
    String on,
    String condition,
    String decision,
    long priority,
    String rewriteTarget,
    String rewriteValue,
    List<String> stripRequestHeaders,
    List<String> stripResponseHeaders,
    String reason) {

  public SecurityRule {
    stripRequestHeaders = List.copyOf(stripRequestHeaders);
    stripResponseHeaders = List.copyOf(stripResponseHeaders);
  }
}
