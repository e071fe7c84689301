package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.Node;
import java.util.List;

/**
 * The outcome of validating a document: the normalised value (coerced, defaults materialised,
 * absent optionals dropped, declaration order) when there were no issues, and every issue found.
 */
public record Validated(Node value, List<Issue> issues) {

  public Validated {
    issues = List.copyOf(issues);
  }

  public boolean ok() {
    return issues.isEmpty();
  }
}
