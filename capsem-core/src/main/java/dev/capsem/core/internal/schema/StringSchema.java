package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A string, optionally with a minimum length, a pattern and a custom check, in Pydantic's order.
 */
public final class StringSchema extends Schema {

  private final int minLength;
  private final String patternText;
  private final Pattern pattern;
  private final Function<String, Refusal> custom;

  StringSchema(int minLength, String patternText, Function<String, Refusal> custom) {
    this.minLength = minLength;
    this.patternText = patternText;
    this.pattern = patternText == null ? null : compile(patternText);
    this.custom = custom;
  }

  /**
   * Matched anywhere, as Rust's {@code regex::is_match}; the message quotes the regex as written.
   */
  public StringSchema pattern(String regex) {
    return new StringSchema(minLength, regex, custom);
  }

  public StringSchema minLength(int length) {
    return new StringSchema(length, patternText, custom);
  }

  /** A check on the accepted text, run after length and pattern. */
  public StringSchema validatedBy(Function<String, Refusal> check) {
    return new StringSchema(minLength, patternText, check);
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (!(input instanceof StringNode string)) {
      issues.add(path, input.position(), TYPE, typeMismatch("a valid string"));
      return null;
    }
    String value = string.value();
    if (value.codePointCount(0, value.length()) < minLength) {
      issues.add(
          path,
          input.position(),
          Code.E014,
          "String should have at least "
              + minLength
              + (minLength == 1 ? " character" : " characters"));
      return null;
    }
    if (pattern != null && !pattern.matcher(value).find()) {
      issues.add(
          path, input.position(), Code.E012, "String should match pattern '" + patternText + "'");
      return null;
    }
    if (custom != null) {
      Refusal refusal = custom.apply(value);
      if (refusal != null) {
        issues.add(path, input.position(), refusal);
        return null;
      }
    }
    return new StringNode(value, input.position());
  }

  /** Custom checks have no JSON Schema form; Pydantic leaves them out too. */
  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    ObjectNode.Builder out = ObjectNode.builder().put("type", "string");
    if (minLength > 0) {
      out.put("minLength", minLength);
    }
    if (patternText != null) {
      out.put("pattern", patternText);
    }
    return out.build();
  }

  /** Whether {@code value} passes this schema. */
  public boolean accepts(String value) {
    return check(new StringNode(value, null), SchemaPath.root(), new Issues()) != null;
  }

  /**
   * Rust's {@code $} matches only at the very end, Java's also before a final line break; {@code
   * \z} gives Rust's meaning.
   */
  private static Pattern compile(String regex) {
    String javaRegex =
        regex.endsWith("$") && !regex.endsWith("\\$")
            ? regex.substring(0, regex.length() - 1) + "\\z"
            : regex;
    return Pattern.compile(javaRegex);
  }
}
