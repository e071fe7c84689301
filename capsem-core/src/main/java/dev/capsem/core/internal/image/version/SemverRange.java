package dev.capsem.core.internal.image.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A range over npm versions with npm's meaning: comparators by SemVer precedence, {@code ^} and
 * {@code ~=} with an upper bound of {@code <X.Y.Z-0}, and npm's pre-release rule: an installed
 * pre-release satisfies the range only when a comparator names a pre-release of the same
 * major.minor.patch (so {@code ^1.2.3} does not take {@code 1.5.0-beta}).
 */
final class SemverRange implements VersionRange {

  private record Bound(Operator op, SemanticVersion version) {}

  private final List<Bound> bounds;

  private SemverRange(List<Bound> bounds) {
    this.bounds = List.copyOf(bounds);
  }

  static SemverRange parse(String text) {
    List<Bound> bounds = new ArrayList<>();
    for (Clause clause : Clause.split(text)) {
      switch (clause.op()) {
        case COMPATIBLE, CARET -> {
          List<String> numbers = SemanticVersion.partialNumbers(clause.operand());
          SemanticVersion lower;
          if (numbers != null) {
            List<String> padded = new ArrayList<>(numbers);
            while (padded.size() < 3) {
              padded.add("0");
            }
            lower = new SemanticVersion(padded.get(0), padded.get(1), padded.get(2), List.of(), "");
          } else {
            lower = SemanticVersion.parse(clause.operand());
            numbers = List.of(lower.major(), lower.minor(), lower.patch());
          }
          List<String> upper =
              new ArrayList<>(
                  clause.op() == Operator.CARET
                      ? Clause.caretUpper(numbers)
                      : Clause.compatibleUpper(numbers, clause.operand()));
          while (upper.size() < 3) {
            upper.add("0");
          }
          bounds.add(new Bound(Operator.GE, lower));
          bounds.add(
              new Bound(
                  Operator.LT,
                  new SemanticVersion(upper.get(0), upper.get(1), upper.get(2), List.of("0"), "")));
        }
        case ARBITRARY ->
            throw new InvalidVersionException(
                "'===' is a Python operator; npm ranges use >=, >, <=, <, ==, !=, ~= or ^");
        default -> bounds.add(new Bound(clause.op(), SemanticVersion.parse(clause.operand())));
      }
    }
    return new SemverRange(bounds);
  }

  @Override
  public boolean admits(String actual) {
    SemanticVersion installed;
    try {
      installed = SemanticVersion.parse(actual);
    } catch (InvalidVersionException e) {
      return false;
    }
    for (Bound bound : bounds) {
      if (!Comparisons.holds(bound.op(), installed.compareTo(bound.version()))) {
        return false;
      }
    }
    if (!installed.isPrerelease()) {
      return true;
    }
    return bounds.stream()
        .anyMatch(b -> b.version().isPrerelease() && b.version().sameRelease(installed));
  }
}
