package dev.capsem.core.internal.enforcement;

import java.util.Locale;

/** What a matching rule decides. {@code audit} is a capability mode, never a rule decision. */
public enum RuleDecision {
  ALLOW,
  BLOCK,
  ASK,
  REWRITE;

  /** The spelling in files and reports. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The decision spelled {@code name} in a file that has already been validated. */
  static RuleDecision named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
