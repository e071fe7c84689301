package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * A declarative description of a value that checks input the way upstream's Pydantic models do: lax
 * coercion, upstream's messages, every error collected in declaration order.
 */
public abstract class Schema {

  /**
   * Checks {@code input} at {@code path}. Returns the normalised value, or {@code null} when the
   * input is invalid; every problem goes to {@code issues}.
   */
  public abstract Node check(Node input, SchemaPath path, Issues issues);

  /** Validates a whole document. */
  public final Validated validate(Node input) {
    Issues issues = new Issues();
    Node value = check(input, SchemaPath.root(), issues);
    return new Validated(issues.isEmpty() ? value : null, issues.all());
  }

  /**
   * This schema followed by a custom check that runs only when this schema accepted the value, as a
   * Pydantic {@code field_validator(mode="after")} does.
   */
  public final Schema then(Function<Node, Refusal> check) {
    return new CheckedSchema(this, check);
  }

  /**
   * How Pydantic's JSON Schema generator describes this value; named models and enum classes are
   * added to {@code definitions} and referenced. Kinds that upstream never publishes have no
   * description.
   */
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " has no JSON Schema description");
  }

  /**
   * Whether this is a named model or enum class: Pydantic gives a field of such a type no title of
   * its own, because the definition already has one.
   */
  boolean isDefinition() {
    return false;
  }

  // Factories, one per kind of value.

  public static StringSchema string() {
    return new StringSchema(0, null, null);
  }

  /** A string of at least one character (Pydantic's {@code min_length=1}). */
  public static StringSchema nonEmptyString() {
    return new StringSchema(1, null, null);
  }

  public static IntSchema integer() {
    return new IntSchema(null, null);
  }

  public static Schema bool() {
    return new BoolSchema();
  }

  /** One of a few strings, declared inline like a Pydantic {@code Literal["a", "b"]}. */
  public static Schema oneOf(String... values) {
    return new EnumSchema(List.of(values), Code.E005, null);
  }

  /**
   * One of a few strings, declared like a Pydantic {@code Enum} class called {@code className}: it
   * validates as {@link #oneOf}, and a JSON Schema describes it once under {@code $defs}.
   */
  public static Schema enumType(String className, String... values) {
    return new EnumSchema(List.of(values), Code.E005, className);
  }

  public static Schema literal(String value) {
    return new EnumSchema(List.of(value), Code.E005, null);
  }

  /**
   * A literal that also accepts older or newer spellings on input ({@code aliases}) and normalises
   * them to {@code value}; a JSON Schema and error messages show {@code value} only.
   */
  public static Schema literalAccepting(String value, String... aliases) {
    return new AliasedLiteralSchema(value, List.of(aliases));
  }

  /** Pydantic's {@code str | int | float | bool}: one JSON scalar, kept as it is. */
  public static Schema scalar() {
    return new ScalarSchema();
  }

  public static Schema literal(long value) {
    return new IntLiteralSchema(value);
  }

  public static Schema url() {
    return new UrlSchema();
  }

  public static Schema any() {
    return new AnySchema();
  }

  public static ListSchema list(Schema items) {
    return new ListSchema(items, 0);
  }

  public static MapSchema map(Schema keys, Schema values) {
    return new MapSchema(keys, values, 0);
  }

  public static MapSchema map(Schema values) {
    return new MapSchema(string(), values, 0);
  }

  /** A model with no name: it validates, but cannot be described in a JSON Schema. */
  public static ObjectSchema.Builder object() {
    return ObjectSchema.builder(null);
  }

  /** A model named like its Pydantic class, which a JSON Schema lists under {@code $defs}. */
  public static ObjectSchema.Builder object(String modelName) {
    return ObjectSchema.builder(modelName);
  }

  static String typeMismatch(String what) {
    return "Input should be " + what;
  }

  /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}: Pydantic's list of choices. */
  public static String choices(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(i == values.size() - 1 ? " or " : ", ");
      }
      out.append('\'').append(values.get(i)).append('\'');
    }
    return out.toString();
  }

  /** The code of every wrong-type message. */
  static final Code TYPE = Code.E003;
}
