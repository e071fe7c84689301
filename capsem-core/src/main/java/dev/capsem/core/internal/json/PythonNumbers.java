package dev.capsem.core.internal.json;

import java.math.BigDecimal;

/** Numbers printed the way Python prints them. */
public final class PythonNumbers {

  private PythonNumbers() {}

  /** Python's {@code repr(float)}: shortest round-trip digits, {@code 1e+16} style exponents. */
  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = exact.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - exact.scale(); // value = d.ddd × 10^exponent
    String sign = value < 0 ? "-" : "";
    if (exponent >= 16 || exponent < -4) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
    }
    if (exponent >= digits.length() - 1) {
      return sign + digits + "0".repeat(exponent - digits.length() + 1) + ".0";
    }
    if (exponent >= 0) {
      return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
    return sign + "0." + "0".repeat(-exponent - 1) + digits;
  }
}
