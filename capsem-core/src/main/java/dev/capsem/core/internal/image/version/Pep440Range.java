package dev.capsem.core.internal.image.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A range over Python versions with PEP 440's specifier rules: {@code ==} ignores the installed
 * local label unless the specifier has one and takes a {@code .*} prefix match; {@code <V} excludes
 * pre-releases of V and {@code >V} its post-releases and local versions, unless V is one itself;
 * {@code ~=V} is {@code >=V, ==prefix.*}. Installed pre-releases are accepted, as {@code pip check}
 * accepts them. {@code ^V} (not PEP 440, Poetry's meaning) is {@code >=V, <next} where next
 * increments the left-most non-zero release number.
 */
final class Pep440Range implements VersionRange {

  /** One comparator; {@code prefix} holds the release numbers of a {@code ==X.Y.*} match. */
  private record Spec(Operator op, Pep440Version version, List<BigInteger> prefix, String raw) {}

  private final List<Spec> specs;

  private Pep440Range(List<Spec> specs) {
    this.specs = List.copyOf(specs);
  }

  static Pep440Range parse(String text) {
    List<Spec> specs = new ArrayList<>();
    for (Clause clause : Clause.split(text)) {
      String operand = clause.operand();
      Operator op = clause.op();
      if (op == Operator.ARBITRARY) {
        specs.add(new Spec(op, null, null, operand));
        continue;
      }
      if ((op == Operator.EQ || op == Operator.NE) && operand.endsWith(".*")) {
        Pep440Version version = Pep440Version.parse(operand.substring(0, operand.length() - 2));
        if (version.preLabel() != null
            || version.post() != null
            || version.dev() != null
            || version.hasLocal()) {
          throw new InvalidVersionException(
              "'" + op.symbol() + operand + "': a '.*' prefix may only follow release numbers");
        }
        specs.add(new Spec(op, version, version.release(), operand));
        continue;
      }
      Pep440Version version = Pep440Version.parse(operand);
      if (version.hasLocal() && op != Operator.EQ && op != Operator.NE) {
        throw new InvalidVersionException(
            "'" + op.symbol() + operand + "': a local label is only allowed with == and !=");
      }
      switch (op) {
        case COMPATIBLE -> {
          if (version.release().size() < 2) {
            throw new InvalidVersionException(
                "'~=" + operand + "' needs a version with at least two release numbers");
          }
          specs.add(new Spec(Operator.GE, version, null, operand));
          List<BigInteger> prefix = version.release().subList(0, version.release().size() - 1);
          specs.add(new Spec(Operator.EQ, version.base(), prefix, operand));
        }
        case CARET -> {
          specs.add(new Spec(Operator.GE, version, null, operand));
          List<String> numbers = version.release().stream().map(BigInteger::toString).toList();
          List<BigInteger> upper =
              Clause.caretUpper(numbers).stream().map(BigInteger::new).toList();
          specs.add(
              new Spec(
                  Operator.LT,
                  new Pep440Version(version.epoch(), upper, null, null, null, null, List.of()),
                  null,
                  operand));
        }
        default -> specs.add(new Spec(op, version, null, operand));
      }
    }
    return new Pep440Range(specs);
  }

  @Override
  public boolean admits(String actual) {
    Pep440Version installed;
    try {
      installed = Pep440Version.parse(actual);
    } catch (InvalidVersionException e) {
      return false;
    }
    for (Spec spec : specs) {
      if (!holds(spec, installed, actual)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(Spec spec, Pep440Version installed, String actual) {
    return switch (spec.op()) {
      case ARBITRARY ->
          actual.strip().toLowerCase(Locale.ROOT).equals(spec.raw().toLowerCase(Locale.ROOT));
      case EQ -> equal(spec, installed);
      case NE -> !equal(spec, installed);
      case GE -> installed.withoutLocal().compareTo(spec.version()) >= 0;
      case LE -> installed.withoutLocal().compareTo(spec.version()) <= 0;
      case LT -> {
        Pep440Version bound = spec.version();
        if (installed.compareTo(bound) >= 0) {
          yield false;
        }
        yield bound.isPrerelease()
            || !installed.isPrerelease()
            || installed.base().compareTo(bound.base()) != 0;
      }
      case GT -> {
        Pep440Version bound = spec.version();
        if (installed.compareTo(bound) <= 0) {
          yield false;
        }
        boolean sameBase = installed.base().compareTo(bound.base()) == 0;
        if (!bound.isPostrelease() && installed.isPostrelease() && sameBase) {
          yield false;
        }
        yield !(installed.hasLocal() && sameBase);
      }
      default -> throw new IllegalStateException("desugared away: " + spec.op().symbol());
    };
  }

  private static boolean equal(Spec spec, Pep440Version installed) {
    if (spec.prefix() != null) {
      if (installed.epoch().compareTo(spec.version().epoch()) != 0) {
        return false;
      }
      List<BigInteger> release = new ArrayList<>(installed.release());
      while (release.size() < spec.prefix().size()) {
        release.add(BigInteger.ZERO);
      }
      return release.subList(0, spec.prefix().size()).equals(spec.prefix());
    }
    Pep440Version candidate = spec.version().hasLocal() ? installed : installed.withoutLocal();
    return candidate.compareTo(spec.version()) == 0;
  }
}
