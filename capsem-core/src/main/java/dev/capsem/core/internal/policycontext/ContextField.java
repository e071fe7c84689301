package dev.capsem.core.internal.policycontext;

import dev.capsem.core.internal.json.Node;
import java.util.Objects;

/**
 * One field of a policy-context struct.
 *
 * @param name the wire name
 * @param type what it holds
 * @param presence how it may be absent
 * @param defaultInput the input an absent field stands for ({@link Presence#DEFAULT} and {@link
 *     Presence#FACTORY}), validated like input so nested defaults fill in
 */
public record ContextField(String name, FieldType type, Presence presence, Node defaultInput) {

  /** How a field may be absent, as upstream's model declares it. */
  public enum Presence {
    /** {@code X | None = None}: absent means {@code null}. */
    NULLABLE,
    /** {@code x: T = value}. */
    DEFAULT,
    /** {@code Field(default_factory=...)}: an empty list, map or struct. */
    FACTORY
  }

  public ContextField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(presence, "presence");
  }

  /** Whether {@code null} is a value of this field. */
  public boolean nullable() {
    return presence == Presence.NULLABLE;
  }
}
