package dev.capsem.core.internal.image.version;

import java.util.ArrayList;
import java.util.List;

/**
 * One comparator of a range as written, {@code >=1.2}: the operator and its operand text. A range
 * is clauses separated by commas, all of which must hold.
 */
record Clause(Operator op, String operand) {

  /** Splits {@code text} into clauses, or explains why it cannot. */
  static List<Clause> split(String text) {
    List<Clause> clauses = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String clause = part.strip();
      if (clause.isEmpty()) {
        throw new InvalidVersionException("range '" + text + "' has an empty comparator");
      }
      Operator op = Operator.prefixOf(clause);
      if (op == null) {
        throw new InvalidVersionException(
            "range '"
                + text
                + "' has a comparator without an operator: '"
                + clause
                + "' (use >=, >, <=, <, ==, !=, ~= or ^)");
      }
      String operand = clause.substring(op.symbol().length()).strip();
      if (operand.isEmpty()) {
        throw new InvalidVersionException(
            "range '" + text + "' has no version after '" + op.symbol() + "'");
      }
      if (operand.chars().anyMatch(Character::isWhitespace)) {
        throw new InvalidVersionException(
            "range '" + text + "' must separate its comparators with ','");
      }
      clauses.add(new Clause(op, operand));
    }
    return clauses;
  }

  /**
   * The leading run of dot-separated numbers of {@code text} ({@code 2.39.5-0+deb12u2} gives [2,
   * 39, 5]).
   */
  static List<String> leadingNumbers(String text) {
    List<String> numbers = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Digits.isDigit(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      numbers.add(text.substring(start, i));
      if (i < text.length() && text.charAt(i) == '.') {
        i++;
      } else {
        break;
      }
    }
    return numbers;
  }

  /**
   * The exclusive upper bound of a compatible release ({@code ~=}): drop the last number and
   * increment the one before it; {@code ~=2.39.5} gives [2, 40].
   */
  static List<String> compatibleUpper(List<String> numbers, String text) {
    if (numbers.size() < 2) {
      throw new InvalidVersionException(
          "'~=" + text + "' needs a version with at least two numbers, e.g. ~=" + text + ".0");
    }
    List<String> upper = new ArrayList<>(numbers.subList(0, numbers.size() - 1));
    int last = upper.size() - 1;
    upper.set(last, Digits.increment(upper.get(last)));
    return upper;
  }

  /**
   * The exclusive upper bound of a caret range ({@code ^}): increment the left-most non-zero number
   * and drop the rest ({@code ^1.2.3} gives [2], {@code ^0.2.3} gives [0, 3], {@code ^0.0.3} gives
   * [0, 0, 4]); with no non-zero number, the last one is incremented.
   */
  static List<String> caretUpper(List<String> numbers) {
    int pivot = numbers.size() - 1;
    for (int i = 0; i < numbers.size(); i++) {
      if (Digits.compare(numbers.get(i), "0") != 0) {
        pivot = i;
        break;
      }
    }
    List<String> upper = new ArrayList<>(numbers.subList(0, pivot + 1));
    upper.set(pivot, Digits.increment(upper.get(pivot)));
    return upper;
  }
}
