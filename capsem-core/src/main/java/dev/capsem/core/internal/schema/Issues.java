package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Position;
import java.util.ArrayList;
import java.util.List;

/** Collects issues in discovery order: declaration order, depth first, as Pydantic does. */
public final class Issues {

  private final List<Issue> found = new ArrayList<>();

  public void add(SchemaPath path, Position position, Code code, String message) {
    found.add(new Issue(path, position, code, message));
  }

  public void add(SchemaPath path, Position position, Refusal refusal) {
    add(path, position, refusal.code(), refusal.message());
  }

  public int count() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Issue> all() {
    return List.copyOf(found);
  }
}
