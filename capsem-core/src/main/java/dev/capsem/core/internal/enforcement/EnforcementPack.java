package dev.capsem.core.internal.enforcement;

import java.util.List;
import java.util.Objects;

/**
 * A valid enforcement file: its identity and its rules in file order, with where each condition was
 * written.
 */
public final class EnforcementPack {

  /** What reports call a profile-rule file's version, which has none (Open point 3). */
  public static final String UNVERSIONED = "unversioned";

  private final String id;
  private final String version;
  private final PackShape shape;
  private final List<EnforcementRule> rules;
  private final List<RuleSource> sources;

  EnforcementPack(
      String id,
      String version,
      PackShape shape,
      List<EnforcementRule> rules,
      List<RuleSource> sources) {
    this.id = Objects.requireNonNull(id, "id");
    this.version = Objects.requireNonNull(version, "version");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.rules = List.copyOf(rules);
    this.sources = List.copyOf(sources);
    if (this.sources.size() != this.rules.size()) {
      throw new IllegalArgumentException("one source per rule");
    }
  }

  /** A pack built in code (no file): for embedding applications that hold their rules elsewhere. */
  public static EnforcementPack of(String id, String version, List<EnforcementRule> rules) {
    return new EnforcementPack(
        id,
        version,
        PackShape.POLICY_PACK,
        rules,
        java.util.Collections.nCopies(rules.size(), RuleSource.NOWHERE));
  }

  /** The pack id; for a profile-rule file, the file name without its suffix (Open point 3). */
  public String id() {
    return id;
  }

  /** The pack version; {@value #UNVERSIONED} for a profile-rule file. */
  public String version() {
    return version;
  }

  public PackShape shape() {
    return shape;
  }

  public List<EnforcementRule> rules() {
    return rules;
  }

  RuleSource source(int index) {
    return sources.get(index);
  }
}
