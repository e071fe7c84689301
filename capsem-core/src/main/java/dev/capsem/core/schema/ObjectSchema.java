package dev.capsem.core.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.json.Node;
import dev.capsem.core.json.NullNode;
import dev.capsem.core.json.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model with named fields, like a Pydantic {@code BaseModel}: fields are checked in declaration
 * order, then unknown keys, then (only when all of that passed) the model-level checks. The
 * normalised value lists the fields in declaration order with defaults filled in and absent
 * optionals left out, which is what upstream writes.
 */
public final class ObjectSchema extends Schema {

  /** How a field may be absent. */
  enum Presence {
    REQUIRED,
    OPTIONAL,
    DEFAULTED
  }

  record Field(String name, Schema schema, Presence presence, Node defaultInput) {}

  private final List<Field> fields;
  private final Map<String, Field> byName;
  private final boolean forbidExtra;
  private final List<Function<ObjectNode, Refusal>> checks;

  private ObjectSchema(
      List<Field> fields, boolean forbidExtra, List<Function<ObjectNode, Refusal>> checks) {
    this.fields = List.copyOf(fields);
    this.byName = new LinkedHashMap<>();
    for (Field field : fields) {
      byName.put(field.name(), field);
    }
    this.forbidExtra = forbidExtra;
    this.checks = List.copyOf(checks);
  }

  static Builder builder() {
    return new Builder();
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
    ObjectNode.Builder out = ObjectNode.builder(input.position());
    for (Field field : fields) {
      ObjectNode.Member member = object.member(field.name());
      if (member == null
          || (member.value() instanceof NullNode && field.presence() == Presence.OPTIONAL)) {
        switch (field.presence()) {
          case REQUIRED ->
              issues.add(path.child(field.name()), input.position(), Code.E001, "Field required");
          case DEFAULTED -> {
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
    if (forbidExtra) {
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

  /** Declares fields in the order upstream writes them. */
  public static final class Builder {
    private final List<Field> fields = new ArrayList<>();
    private final List<Function<ObjectNode, Refusal>> checks = new ArrayList<>();
    private boolean forbidExtra = true;

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
     */
    public Builder defaulted(String name, Schema schema, Node defaultInput) {
      fields.add(new Field(name, schema, Presence.DEFAULTED, defaultInput));
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
      return new ObjectSchema(fields, forbidExtra, checks);
    }
  }
}
