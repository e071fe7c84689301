package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model with named fields, like a Pydantic {@code BaseModel} validated from JSON (which is how
 * upstream validates JSON and TOML alike): unknown keys first, in input order, then the fields in
 * declaration order, then (only when all of that passed) the model-level checks. The normalised
 * value lists the fields in declaration order with defaults filled in and absent optionals left
 * out, which is what upstream writes.
 *
 * <p>A model named like its Pydantic class can also be described as a JSON Schema, the way Pydantic
 * describes it ({@link PydanticJsonSchema}).
 */
public final class ObjectSchema extends Schema {

  /** How a field may be absent. */
  enum Presence {
    REQUIRED,
    OPTIONAL,
    /** A plain default ({@code = value}), which a JSON Schema shows. */
    DEFAULTED,
    /** A {@code default_factory}, which a JSON Schema does not show. */
    DEFAULT_FACTORY
  }

  record Field(String name, Schema schema, Presence presence, Node defaultInput) {}

  private final String modelName;
  private final List<Field> fields;
  private final Map<String, Field> byName;
  private final boolean forbidExtra;
  private final List<Function<ObjectNode, Refusal>> checks;

  private ObjectSchema(
      String modelName,
      List<Field> fields,
      boolean forbidExtra,
      List<Function<ObjectNode, Refusal>> checks) {
    this.modelName = modelName;
    this.fields = List.copyOf(fields);
    this.byName = new LinkedHashMap<>();
    for (Field field : fields) {
      byName.put(field.name(), field);
    }
    this.forbidExtra = forbidExtra;
    this.checks = List.copyOf(checks);
  }

  static Builder builder(String modelName) {
    return new Builder(modelName);
  }

  /** The Pydantic class name, or {@code null} for a model that is never published as a schema. */
  public String modelName() {
    return modelName;
  }

  /** The names of the fields, in declaration order. */
  public List<String> fieldNames() {
    return List.copyOf(byName.keySet());
  }

  public boolean isRequired(String field) {
    Field f = byName.get(field);
    return f != null && f.presence() == Presence.REQUIRED;
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (!(input instanceof ObjectNode object)) {
      issues.add(path, input.position(), TYPE, typeMismatch("an object"));
      return null;
    }
    int before = issues.count();
    // pydantic-core walks a JSON object's keys once, flagging unknown ones, before it validates
    // the fields in declaration order.
    unknownKeys(object, path, issues);
    ObjectNode.Builder out = ObjectNode.builder(input.position());
    for (Field field : fields) {
      ObjectNode.Member member = object.member(field.name());
      if (member == null
          || (member.value() instanceof NullNode && field.presence() == Presence.OPTIONAL)) {
        switch (field.presence()) {
          case REQUIRED ->
              issues.add(path.child(field.name()), input.position(), Code.E001, "Field required");
          case DEFAULTED, DEFAULT_FACTORY -> {
            Node value =
                field.schema().check(field.defaultInput(), path.child(field.name()), issues);
            if (value != null) {
              out.put(field.name(), value);
            }
          }
          case OPTIONAL -> {}
        }
        continue;
      }
      Node value = field.schema().check(member.value(), path.child(field.name()), issues);
      if (value != null) {
        out.put(field.name(), member.keyPosition(), value);
      }
    }
    if (issues.count() > before) {
      return null;
    }
    ObjectNode value = out.build();
    for (Function<ObjectNode, Refusal> check : checks) {
      Refusal refusal = check.apply(value);
      if (refusal != null) {
        issues.add(path, input.position(), refusal);
        return null;
      }
    }
    return value;
  }

  private void unknownKeys(ObjectNode object, SchemaPath path, Issues issues) {
    if (!forbidExtra) {
      return;
    }
    for (ObjectNode.Member member : object.entries()) {
      if (!byName.containsKey(member.key())) {
        issues.add(
            path.child(member.key()),
            member.keyPosition(),
            Code.E011,
            "Extra inputs are not permitted");
      }
    }
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    if (modelName == null) {
      throw new IllegalStateException(
          "a model must be named (Schema.object(name)) to appear in a JSON Schema; fields: "
              + fieldNames());
    }
    return definitions.reference(modelName, this, () -> definition(definitions));
  }

  @Override
  boolean isDefinition() {
    return modelName != null;
  }

  /** The model's own description, as it appears under {@code $defs} (or at the top). */
  ObjectNode definition(JsonSchemaDefinitions definitions) {
    ObjectNode.Builder properties = ObjectNode.builder();
    List<Node> required = new ArrayList<>();
    for (Field field : fields) {
      properties.put(field.name(), fieldSchema(field, definitions));
      if (field.presence() == Presence.REQUIRED) {
        required.add(StringNode.of(field.name()));
      }
    }
    ObjectNode.Builder out = ObjectNode.builder().put("type", "object");
    if (modelName != null) {
      out.put("title", modelName);
    }
    out.put("properties", properties.build());
    if (!required.isEmpty()) {
      out.put("required", ArrayNode.of(required));
    }
    if (forbidExtra) {
      out.put("additionalProperties", BooleanNode.of(false));
    }
    return out.build();
  }

  /**
   * One property as Pydantic writes it: an optional field is {@code anyOf [type, null]} with a
   * {@code null} default, a plain default is shown, a default factory is not, and the title comes
   * from the wire name unless the type is a named definition.
   */
  private static ObjectNode fieldSchema(Field field, JsonSchemaDefinitions definitions) {
    ObjectNode type = field.schema().jsonSchema(definitions);
    ObjectNode.Builder out = ObjectNode.builder();
    switch (field.presence()) {
      case OPTIONAL -> {
        ObjectNode nullType = ObjectNode.builder().put("type", "null").build();
        if (type.equals(nullType)) {
          out.put("type", "null");
        } else {
          out.put("anyOf", ArrayNode.of(List.of(type, nullType)));
        }
        out.put("default", NullNode.of());
      }
      case DEFAULTED -> {
        type.entries().forEach(member -> out.put(member.key(), member.value()));
        out.put("default", field.defaultInput());
      }
      case REQUIRED, DEFAULT_FACTORY ->
          type.entries().forEach(member -> out.put(member.key(), member.value()));
    }
    if (!field.schema().isDefinition()) {
      out.put("title", PydanticJsonSchema.fieldTitle(field.name()));
    }
    return out.build();
  }

  /** Declares fields in the order upstream writes them. */
  public static final class Builder {
    private final String modelName;
    private final List<Field> fields = new ArrayList<>();
    private final List<Function<ObjectNode, Refusal>> checks = new ArrayList<>();
    private boolean forbidExtra = true;

    private Builder(String modelName) {
      this.modelName = modelName;
    }

    public Builder required(String name, Schema schema) {
      fields.add(new Field(name, schema, Presence.REQUIRED, null));
      return this;
    }

    /** Absent or {@code null} means "not set": nothing is written. */
    public Builder optional(String name, Schema schema) {
      fields.add(new Field(name, schema, Presence.OPTIONAL, null));
      return this;
    }

    /**
     * Absent means {@code defaultInput}, which is validated like input, so nested defaults fill in.
     * Like Pydantic's {@code field: T = value}: a JSON Schema shows the default.
     */
    public Builder defaulted(String name, Schema schema, Node defaultInput) {
      fields.add(new Field(name, schema, Presence.DEFAULTED, defaultInput));
      return this;
    }

    /**
     * Validates like {@link #defaulted}, but declares Pydantic's {@code
     * Field(default_factory=...)}: the default is made per instance (an empty list, a nested model,
     * a value from the environment), so a JSON Schema does not show it.
     */
    public Builder defaultFactory(String name, Schema schema, Node producedInput) {
      fields.add(new Field(name, schema, Presence.DEFAULT_FACTORY, producedInput));
      return this;
    }

    /** Unknown keys are dropped instead of rejected (upstream's legacy TOML models). */
    public Builder ignoreExtra() {
      forbidExtra = false;
      return this;
    }

    /** A model-level check; it runs only when every field check passed. */
    public Builder check(Function<ObjectNode, Refusal> check) {
      checks.add(check);
      return this;
    }

    public ObjectSchema build() {
      return new ObjectSchema(modelName, fields, forbidExtra, checks);
    }
  }
}
