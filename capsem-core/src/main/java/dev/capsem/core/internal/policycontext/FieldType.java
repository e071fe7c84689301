package dev.capsem.core.internal.policycontext;

import java.util.List;

/** What one field of the policy context holds; the CEL types and the validator derive from it. */
public sealed interface FieldType {

  /** A string; {@code nonEmpty} as Pydantic's {@code min_length=1}. */
  record Text(boolean nonEmpty) implements FieldType {}

  /** An integer, optionally bounded (inclusive). */
  record Whole(Long min, Long max) implements FieldType {}

  /** Exactly one integer (a Pydantic {@code Literal[1]}). */
  record Exactly(long value) implements FieldType {}

  /** A boolean. */
  record Flag() implements FieldType {}

  /** One of a few strings (a Pydantic {@code Literal}). */
  record Choice(List<String> values) implements FieldType {
    public Choice {
      values = List.copyOf(values);
    }
  }

  /** A nested struct. */
  record Nested(ContextStruct struct) implements FieldType {}

  /** A list. */
  record ListOf(FieldType items) implements FieldType {}

  /** A map from non-empty string keys. */
  record MapOf(FieldType values) implements FieldType {}
}
