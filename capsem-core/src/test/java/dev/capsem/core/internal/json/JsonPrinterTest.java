package dev.capsem.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected texts are what CPython 3.11's {@code json.dumps} prints for the same value. */
class JsonPrinterTest {

  private static final ObjectNode VALUE =
      ObjectNode.builder()
          .put("k", "\u007f\u00e9\uD83D\uDE00\u0001")
          .put(
              "n",
              ArrayNode.of(
                  List.of(
                      new FloatNode(1e16, null),
                      new FloatNode(0.1, null),
                      new FloatNode(-0.0, null),
                      new IntegerNode(new BigInteger("12345678901234567890"), null))))
          .build();

  @Test
  void prettyAscii_value_isJsonDumpsWithIndent2() {
    assertThat(JsonPrinter.prettyAscii().print(VALUE))
        .isEqualTo(
            "{\n  \"k\": \"\\u007f\\u00e9\\ud83d\\ude00\\u0001\",\n  \"n\": [\n    1e+16,\n"
                + "    0.1,\n    -0.0,\n    12345678901234567890\n  ]\n}");
  }

  @Test
  void compact_nonAscii_isKeptAsPythonKeepsIt() {
    assertThat(
            JsonPrinter.compact().print(ObjectNode.builder().put("k", VALUE.string("k")).build()))
        .isEqualTo("{\"k\":\"\u007f\u00e9\uD83D\uDE00\\u0001\"}");
  }

  @Test
  void pretty_escapesAfterAPlainStart_andMidway_asPythonDoes() {
    ObjectNode value =
        ObjectNode.builder()
            .put("plain", "storage.googleapis.com")
            .put("quoted", "say \"hi\"\\ now\n\ttab\b\f\r")
            .build();
    assertThat(JsonPrinter.pretty().print(value))
        .isEqualTo(
            "{\n  \"plain\": \"storage.googleapis.com\",\n"
                + "  \"quoted\": \"say \\\"hi\\\"\\\\ now\\n\\ttab\\b\\f\\r\"\n}");
  }

  @Test
  void pretty_deeplyNested_indentsTwoSpacesPerLevelPastAnyBuffer() {
    // 40 levels: 80 spaces before the innermost value, more than one indentation buffer holds.
    ArrayNode value = ArrayNode.of(List.of(new IntegerNode(BigInteger.ONE, null)));
    for (int i = 1; i < 40; i++) {
      value = ArrayNode.of(List.of(value));
    }
    StringBuilder expected = new StringBuilder();
    for (int level = 0; level < 40; level++) {
      expected.append("[\n").append("  ".repeat(level + 1));
    }
    expected.append('1');
    for (int level = 39; level >= 0; level--) {
      expected.append('\n').append("  ".repeat(level)).append(']');
    }
    assertThat(JsonPrinter.pretty().print(value)).isEqualTo(expected.toString());
  }
}
