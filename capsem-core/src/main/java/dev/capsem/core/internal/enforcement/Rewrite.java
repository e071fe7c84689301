package dev.capsem.core.internal.enforcement;

import java.util.List;

/**
 * What a {@code rewrite} decision changes: a target (with an optional replacement value) and
 * request or response headers to strip. A profile rule may strip headers without a target.
 */
public record Rewrite(
    String target,
    String value,
    List<String> stripRequestHeaders,
    List<String> stripResponseHeaders) {

  public Rewrite {
    stripRequestHeaders = List.copyOf(stripRequestHeaders);
    stripResponseHeaders = List.copyOf(stripResponseHeaders);
  }
}
