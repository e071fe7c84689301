package dev.capsem.core.internal.image.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A range over Debian versions. dpkg has no notion of pre-release beyond {@code ~}, so every
 * comparator is a plain comparison; the upper bounds of {@code ~=} and {@code ^} end in {@code ~}
 * so that {@code ^1.2} excludes {@code 2.0~rc1} as well as {@code 2.0}.
 */
final class DebianRange implements VersionRange {

  private record Bound(Operator op, DebianVersion version) {}

  private final List<Bound> bounds;

  private DebianRange(List<Bound> bounds) {
    this.bounds = List.copyOf(bounds);
  }

  static DebianRange parse(String text) {
    List<Bound> bounds = new ArrayList<>();
    for (Clause clause : Clause.split(text)) {
      DebianVersion version = DebianVersion.parse(clause.operand());
      switch (clause.op()) {
        case COMPATIBLE -> {
          bounds.add(new Bound(Operator.GE, version));
          List<String> numbers = Clause.leadingNumbers(version.upstream());
          bounds.add(
              new Bound(
                  Operator.LT, upper(version, Clause.compatibleUpper(numbers, clause.operand()))));
        }
        case CARET -> {
          bounds.add(new Bound(Operator.GE, version));
          List<String> numbers = Clause.leadingNumbers(version.upstream());
          bounds.add(new Bound(Operator.LT, upper(version, Clause.caretUpper(numbers))));
        }
        case ARBITRARY ->
            throw new InvalidVersionException(
                "'===' is a Python operator; Debian ranges use >=, >, <=, <, ==, !=, ~= or ^");
        default -> bounds.add(new Bound(clause.op(), version));
      }
    }
    return new DebianRange(bounds);
  }

  private static DebianVersion upper(DebianVersion version, List<String> numbers) {
    return new DebianVersion(version.epoch(), String.join(".", numbers) + "~", "");
  }

  @Override
  public boolean admits(String actual) {
    DebianVersion installed;
    try {
      installed = DebianVersion.parse(actual);
    } catch (InvalidVersionException e) {
      return false;
    }
    for (Bound bound : bounds) {
      if (!Comparisons.holds(bound.op(), installed.compareTo(bound.version()))) {
        return false;
      }
    }
    return true;
  }
}
