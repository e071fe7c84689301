package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An object whose members keep their input order. Order matters: upstream's outputs and the
 * package-contract hash follow it.
 */
public record ObjectNode(Map<String, Member> members, Position position) implements Node {

  /** One key and its value, with the key's own position. */
  public record Member(String key, Position keyPosition, Node value) {
    public Member {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  public ObjectNode {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public static ObjectNode empty() {
    return new ObjectNode(Map.of(), null);
  }

  public static Builder builder() {
    return new Builder(null);
  }

  public static Builder builder(Position position) {
    return new Builder(position);
  }

  public boolean has(String key) {
    return members.containsKey(key);
  }

  /** The value under {@code key}, or {@code null}. */
  public Node get(String key) {
    Member member = members.get(key);
    return member == null ? null : member.value();
  }

  public Member member(String key) {
    return members.get(key);
  }

  public Collection<Member> entries() {
    return members.values();
  }

  public List<String> keys() {
    return new ArrayList<>(members.keySet());
  }

  public int size() {
    return members.size();
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** The string under {@code key}, or {@code null} when absent or not a string. */
  public String string(String key) {
    return get(key) instanceof StringNode s ? s.value() : null;
  }

  /** The object under {@code key}, or an empty object when absent or not an object. */
  public ObjectNode object(String key) {
    return get(key) instanceof ObjectNode o ? o : empty();
  }

  /** A copy with {@code key} set to {@code value}, keeping the key's place if it exists. */
  public ObjectNode with(String key, Node value) {
    Builder builder = new Builder(position);
    for (Member m : members.values()) {
      builder.put(m.key(), m.keyPosition(), m.key().equals(key) ? value : m.value());
    }
    if (!members.containsKey(key)) {
      builder.put(key, value);
    }
    return builder.build();
  }

  /**
   * Collects members in insertion order; a repeated key keeps its first place and its last value.
   */
  public static final class Builder {
    private final Position position;
    private final LinkedHashMap<String, Member> members = new LinkedHashMap<>();

    private Builder(Position position) {
      this.position = position;
    }

    public Builder put(String key, Node value) {
      return put(key, null, value);
    }

    public Builder put(String key, Position keyPosition, Node value) {
      members.put(key, new Member(key, keyPosition, value));
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, StringNode.of(value));
    }

    public Builder put(String key, long value) {
      return put(key, IntegerNode.of(value));
    }

    public Builder put(String key, boolean value) {
      return put(key, BooleanNode.of(value));
    }

    public boolean has(String key) {
      return members.containsKey(key);
    }

    public ObjectNode build() {
      return new ObjectNode(members, position);
    }
  }
}
