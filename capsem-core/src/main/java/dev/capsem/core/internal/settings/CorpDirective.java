package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.Node;
import java.util.Objects;

/**
 * A corporate directive on a profile path: {@code add}, {@code replace} and {@code lock} carry a
 * value (any JSON value), {@code remove} and {@code forbid} do not.
 *
 * @param value the value, or {@code null} for {@code remove} and {@code forbid}
 * @param reason why, for the user, or {@code null}
 */
public record CorpDirective(String operation, String path, Node value, String reason) {

  public CorpDirective {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(path, "path");
  }
}
