package dev.capsem.core.internal.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A location inside a document, rendered as upstream renders Pydantic locations: segments joined
 * with {@code .}, list indices as digits, a bad map key as a final {@code [key]} segment.
 */
public final class SchemaPath {

  private static final SchemaPath ROOT = new SchemaPath(List.of());

  private final List<String> segments;

  private SchemaPath(List<String> segments) {
    this.segments = segments;
  }

  public static SchemaPath root() {
    return ROOT;
  }

  public static SchemaPath of(String... segments) {
    SchemaPath path = ROOT;
    for (String segment : segments) {
      path = path.child(segment);
    }
    return path;
  }

  public SchemaPath child(String name) {
    List<String> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(name);
    return new SchemaPath(Collections.unmodifiableList(next));
  }

  public SchemaPath index(int index) {
    return child(Integer.toString(index));
  }

  /** The location of a map key itself: {@code credentials.items.Bad Key.[key]}. */
  public SchemaPath keyOf(String key) {
    return child(key).child("[key]");
  }

  public List<String> segments() {
    return segments;
  }

  @Override
  public String toString() {
    return String.join(".", segments);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaPath that && segments.equals(that.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
