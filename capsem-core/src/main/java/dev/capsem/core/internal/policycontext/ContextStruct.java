package dev.capsem.core.internal.policycontext;

import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.ContextField.Presence;
import dev.capsem.core.internal.policycontext.FieldType.Choice;
import dev.capsem.core.internal.policycontext.FieldType.Flag;
import dev.capsem.core.internal.policycontext.FieldType.ListOf;
import dev.capsem.core.internal.policycontext.FieldType.MapOf;
import dev.capsem.core.internal.policycontext.FieldType.Nested;
import dev.capsem.core.internal.policycontext.FieldType.Text;
import dev.capsem.core.internal.policycontext.FieldType.Whole;
import dev.capsem.core.internal.schema.IntSchema;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One struct of the policy context (a Pydantic model upstream): its fields in declaration order,
 * the strict validator derived from them, and the name its CEL type carries.
 */
public final class ContextStruct {

  private final String modelName;
  private final String celTypeName;
  private final List<ContextField> fields;
  private final Map<String, ContextField> byName = new LinkedHashMap<>();
  private final Map<String, Integer> indexes = new java.util.HashMap<>();
  private final String[] names;
  private final ObjectSchema schema;

  private ContextStruct(String modelName, String celTypeName, List<ContextField> fields) {
    this.modelName = modelName;
    this.celTypeName = celTypeName;
    this.fields = List.copyOf(fields);
    this.names = new String[fields.size()];
    for (ContextField field : fields) {
      names[byName.size()] = field.name().intern();
      indexes.put(field.name(), byName.size());
      byName.put(field.name(), field);
    }
    this.schema = buildSchema();
  }

  static Builder builder(String modelName, String celTypeName) {
    return new Builder(modelName, celTypeName);
  }

  /** Upstream's Pydantic class name. */
  public String modelName() {
    return modelName;
  }

  /** The struct's name in CEL type-check messages, e.g. {@code capsem.policy.HttpRequest}. */
  public String celTypeName() {
    return celTypeName;
  }

  public List<ContextField> fields() {
    return fields;
  }

  /** The field called {@code name}, or {@code null}. */
  public ContextField field(String name) {
    return byName.get(name);
  }

  /** The position of the field called {@code name} in declaration order, or -1. */
  public int indexOf(String name) {
    // Jackson interns the names it reads, as these are: a corpus's lookups end in this scan.
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    Integer index = indexes.get(name);
    return index == null ? -1 : index;
  }

  /** The strict, Pydantic-compatible validator of this struct. */
  public ObjectSchema schema() {
    return schema;
  }

  private ObjectSchema buildSchema() {
    ObjectSchema.Builder builder = Schema.object(modelName);
    for (ContextField field : fields) {
      Schema schema = schemaOf(field.type());
      switch (field.presence()) {
        case NULLABLE -> builder.optional(field.name(), schema);
        case DEFAULT -> builder.defaulted(field.name(), schema, field.defaultInput());
        case FACTORY -> builder.defaultFactory(field.name(), schema, field.defaultInput());
      }
    }
    return builder.build();
  }

  private static Schema schemaOf(FieldType type) {
    if (type instanceof Text text) {
      return text.nonEmpty() ? Schema.nonEmptyString() : Schema.string();
    }
    if (type instanceof Whole whole) {
      IntSchema schema = Schema.integer();
      if (whole.min() != null) {
        schema = schema.atLeast(whole.min());
      }
      if (whole.max() != null) {
        schema = schema.atMost(whole.max());
      }
      return schema;
    }
    if (type instanceof FieldType.Exactly exactly) {
      return Schema.literal(exactly.value());
    }
    if (type instanceof Flag) {
      return Schema.bool();
    }
    if (type instanceof Choice choice) {
      return Schema.oneOf(choice.values().toArray(String[]::new));
    }
    if (type instanceof Nested nested) {
      return nested.struct().schema();
    }
    if (type instanceof ListOf list) {
      return Schema.list(schemaOf(list.items()));
    }
    return Schema.map(Schema.nonEmptyString(), schemaOf(((MapOf) type).values()));
  }

  /** Declares fields in upstream's order. */
  static final class Builder {
    private final String modelName;
    private final String celTypeName;
    private final List<ContextField> fields = new java.util.ArrayList<>();

    private Builder(String modelName, String celTypeName) {
      this.modelName = modelName;
      this.celTypeName = celTypeName;
    }

    /** {@code NonEmptyStr | None = None}. */
    Builder text(String... names) {
      for (String name : names) {
        fields.add(new ContextField(name, new Text(true), Presence.NULLABLE, null));
      }
      return this;
    }

    /** {@code str | None = None} (the empty string allowed). */
    Builder anyText(String... names) {
      for (String name : names) {
        fields.add(new ContextField(name, new Text(false), Presence.NULLABLE, null));
      }
      return this;
    }

    /** {@code int | None = None} within bounds. */
    Builder whole(String name, Long min, Long max) {
      fields.add(new ContextField(name, new Whole(min, max), Presence.NULLABLE, null));
      return this;
    }

    /** {@code bool | None = None}. */
    Builder flag(String... names) {
      for (String name : names) {
        fields.add(new ContextField(name, new Flag(), Presence.NULLABLE, null));
      }
      return this;
    }

    /** {@code T | None = None} for a nested struct. */
    Builder optional(String name, ContextStruct struct) {
      fields.add(new ContextField(name, new Nested(struct), Presence.NULLABLE, null));
      return this;
    }

    /** A field with a plain default. */
    Builder defaulted(
        String name, FieldType type, dev.capsem.core.internal.json.Node defaultInput) {
      fields.add(new ContextField(name, type, Presence.DEFAULT, defaultInput));
      return this;
    }

    /** A struct, list or map made empty by a default factory. */
    Builder factory(String name, FieldType type) {
      dev.capsem.core.internal.json.Node empty =
          type instanceof ListOf
              ? dev.capsem.core.internal.json.ArrayNode.of(List.of())
              : ObjectNode.empty();
      fields.add(new ContextField(name, type, Presence.FACTORY, empty));
      return this;
    }

    ContextStruct build() {
      return new ContextStruct(modelName, celTypeName, fields);
    }
  }
}
