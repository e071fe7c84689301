package dev.capsem.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Position;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader on Jackson's parser keeps upstream's words. The {@code PYTHON} expectations are what
 * CPython 3.11's {@code json.loads} prints for the same text; the {@code PYDANTIC} ones follow
 * jiter's wording and serde's columns (the character read counts, 0 for empty input).
 */
class JsonReaderTest {

  @ParameterizedTest(name = "python: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|Expecting value: line 1 column 1 (char 0)",
        "`  `|Expecting value: line 1 column 3 (char 2)",
        "{|Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "{\"a\" 1}|Expecting ':' delimiter: line 1 column 6 (char 5)",
        "{\"a\":1,}|Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
        "[1,]|Expecting value: line 1 column 4 (char 3)",
        "[1 2]|Expecting ',' delimiter: line 1 column 4 (char 3)",
        "[1, 2|Expecting ',' delimiter: line 1 column 6 (char 5)",
        "\"abc|Unterminated string starting at: line 1 column 1 (char 0)",
        "\"a\\x\"|Invalid \\escape: line 1 column 3 (char 2)",
        "\"\\u12G4\"|Invalid \\uXXXX escape: line 1 column 3 (char 2)",
        "\"ab\\u12G4\"|Invalid \\uXXXX escape: line 1 column 5 (char 4)",
        "\"\\u12|Invalid \\uXXXX escape: line 1 column 3 (char 2)",
        "\"\\ud800\\uZZZZ\"|Invalid \\uXXXX escape: line 1 column 9 (char 8)",
        "tru|Expecting value: line 1 column 1 (char 0)",
        "{\"k\": tru}|Expecting value: line 1 column 7 (char 6)",
        "01|Extra data: line 1 column 2 (char 1)",
        "1.|Extra data: line 1 column 2 (char 1)",
        "{\"a\":1} x|Extra data: line 1 column 9 (char 8)",
        "[-]|Expecting value: line 1 column 2 (char 1)",
        "[-INF]|Expecting value: line 1 column 2 (char 1)",
        "[+1]|Expecting value: line 1 column 2 (char 1)",
      })
  void read_brokenPythonDialect_isPythonsMessage(String text, String message) {
    assertThat(failure(text, JsonDialect.PYTHON).getMessage()).isEqualTo(message);
  }

  @Test
  void read_pythonDialectAfterNewlinesAndEmoji_countsCharactersAsPython() {
    assertThat(failure("\n\n  {\"k\": 1,\n   \"v\": }", JsonDialect.PYTHON).getMessage())
        .isEqualTo("Expecting value: line 4 column 9 (char 21)");
    JsonSyntaxException emoji =
        failure("{\"w\": \"\uD83D\uDE00\uD83D\uDE00\t\"}", JsonDialect.PYTHON);
    assertThat(emoji.getMessage())
        .isEqualTo("Invalid control character at: line 1 column 10 (char 9)");
    assertThat(emoji.position()).isEqualTo(new Position(1, 10));
    assertThat(failure("[\n\t\"\uD83D\uDE00\", x]", JsonDialect.PYTHON).getMessage())
        .isEqualTo("Expecting value: line 2 column 7 (char 8)");
  }

  @Test
  void read_controlCharacterInPythonDialect_isPythonsMessage() {
    assertThat(failure("[\"\t\"]", JsonDialect.PYTHON).getMessage())
        .isEqualTo("Invalid control character at: line 1 column 3 (char 2)");
  }

  @ParameterizedTest(name = "pydantic: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|EOF while parsing a value at line 1 column 0",
        "{|EOF while parsing an object at line 1 column 1",
        "{\"a\" 1}|expected `:` at line 1 column 6",
        "{\"a\":1,}|trailing comma at line 1 column 8",
        "{1:2}|key must be a string at line 1 column 2",
        "[1,]|trailing comma at line 1 column 4",
        "[1 2]|expected `,` or `]` at line 1 column 4",
        "{\"a\":1 2}|expected `,` or `}` at line 1 column 8",
        "[1|EOF while parsing a list at line 1 column 2",
        "\"abc|EOF while parsing a string at line 1 column 4",
        "\"a\\x\"|invalid escape at line 1 column 4",
        "tru|EOF while parsing a value at line 1 column 3",
        "trux|expected ident at line 1 column 4",
        "NaN|expected value at line 1 column 1",
        "01|trailing characters at line 1 column 1",
        "1.|EOF while parsing a value at line 1 column 2",
        "1.x|invalid number at line 1 column 3",
        "1e400|number out of range at line 1 column 5",
        "{} x|trailing characters at line 1 column 3",
      })
  void read_brokenPydanticDialect_isJitersMessage(String text, String message) {
    assertThat(failure(text, JsonDialect.PYDANTIC).getMessage()).isEqualTo(message);
  }

  @Test
  void read_repeatedKey_isE572AtTheRepeat() {
    String text = "{\n  \"a\": 1,\n  \"b\": {\"a\": 2},\n  \"a\": 3\n}";
    JsonSyntaxException pydantic = failure(text, JsonDialect.PYDANTIC);
    assertThat(pydantic.code()).isEqualTo(Code.E572);
    assertThat(pydantic.getMessage()).isEqualTo("duplicate key \"a\" at line 4 column 3");
    assertThat(pydantic.position()).isEqualTo(new Position(4, 3));
    JsonSyntaxException python = failure(text, JsonDialect.PYTHON);
    assertThat(python.code()).isEqualTo(Code.E572);
    assertThat(python.getMessage()).isEqualTo("Duplicate key \"a\": line 4 column 3 (char 31)");
  }

  @Test
  void read_syntaxError_isE002() {
    assertThat(failure("[1 2]", JsonDialect.PYDANTIC).code()).isEqualTo(Code.E002);
  }

  @Test
  void read_nesting_allowsDepth512AndRefuses513() throws JsonSyntaxException {
    assertThat(JsonReader.read("[".repeat(512) + "]".repeat(512), JsonDialect.PYDANTIC))
        .isInstanceOf(ArrayNode.class);
    String deeper = "{\"k\":".repeat(513) + "1" + "}".repeat(513);
    JsonSyntaxException pydantic = failure(deeper, JsonDialect.PYDANTIC);
    assertThat(pydantic.getMessage()).isEqualTo("recursion limit exceeded at line 1 column 2561");
    assertThat(pydantic.code()).isEqualTo(Code.E002);
    assertThat(failure(deeper, JsonDialect.PYTHON).getMessage())
        .isEqualTo("Nesting too deep: line 1 column 2561 (char 2560)");
  }

  @Test
  void read_numberLongerThanPythonsDigitLimit_isCodedReadLimit() {
    JsonSyntaxException error = failure("[" + "7".repeat(4301) + "]", JsonDialect.PYDANTIC);
    assertThat(error.code()).isEqualTo(Code.E002);
    assertThat(error.position()).isEqualTo(new Position(1, 2));
    assertThat(error.getMessage())
        .startsWith("document exceeds a read limit: Number value length (4301)")
        .endsWith("at line 1 column 2")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void read_document_buildsPositionedTree() throws JsonSyntaxException {
    String text =
        "{\n\t\"name\": \"\uD83D\uDE00x\",\n  \"n\": [12345678901234567890123, -0.0, true, null]\n}";
    ObjectNode root = (ObjectNode) JsonReader.read(text, JsonDialect.PYDANTIC);
    assertThat(root.position()).isEqualTo(new Position(1, 1));
    assertThat(root.keys()).containsExactly("name", "n");
    assertThat(root.member("name").keyPosition()).isEqualTo(new Position(2, 2));
    assertThat(root.get("name")).isEqualTo(new StringNode("\uD83D\uDE00x", new Position(2, 10)));
    ArrayNode n = (ArrayNode) root.get("n");
    assertThat(n.position()).isEqualTo(new Position(3, 8));
    assertThat(n.get(0))
        .isEqualTo(new IntegerNode(new BigInteger("12345678901234567890123"), new Position(3, 9)));
    assertThat(((FloatNode) n.get(1)).value()).isEqualTo(-0.0);
    assertThat(n.get(1).position()).isEqualTo(new Position(3, 34));
    assertThat(n.get(2)).isEqualTo(new BooleanNode(true, new Position(3, 40)));
    assertThat(n.get(3)).isEqualTo(new NullNode(new Position(3, 46)));
  }

  @Test
  void read_nonFiniteNumbers_onlyInPythonDialect() throws JsonSyntaxException {
    ArrayNode values =
        (ArrayNode) JsonReader.read("[-Infinity, NaN, Infinity, 1e400]", JsonDialect.PYTHON);
    assertThat(values.items())
        .extracting(node -> ((FloatNode) node).value())
        .containsExactly(
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY);
    assertThat(failure("[Infinity]", JsonDialect.PYDANTIC).getMessage())
        .isEqualTo("expected value at line 1 column 2");
  }

  @Test
  void read_integerThatFitsALong_isExact() throws JsonSyntaxException {
    assertThat(JsonReader.read("-9223372036854775809", JsonDialect.PYTHON))
        .isEqualTo(new IntegerNode(new BigInteger("-9223372036854775809"), new Position(1, 1)));
  }

  private static JsonSyntaxException failure(String text, JsonDialect dialect) {
    JsonSyntaxException error =
        catchThrowableOfType(() -> JsonReader.read(text, dialect), JsonSyntaxException.class);
    assertThat(error).as("refused: %s", text).isNotNull();
    return error;
  }
}
