package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.ObjectNode;

/**
 * One package or tool the profile promises, against the inventory.
 *
 * @param kind {@code apt}, {@code python}, {@code node} or {@code tool}
 * @param actualVersion {@code null} when the inventory lacks the name
 * @param expectedSource tools only: {@code guest}, {@code host} or {@code profile}
 * @param required tools only
 * @param failure {@code missing} or {@code version_mismatch}, or {@code null}
 */
public record ContractCheck(
    String kind,
    String name,
    String expectedVersion,
    String actualVersion,
    String expectedSource,
    Boolean required,
    String failure) {

  public static final String MISSING = "missing";
  public static final String VERSION_MISMATCH = "version_mismatch";

  public boolean ok() {
    return failure == null;
  }

  public ObjectNode toJson() {
    ObjectNode.Builder out =
        ObjectNode.builder()
            .put("kind", kind)
            .put("name", name)
            .put("expected_version", expectedVersion);
    if (actualVersion != null) {
      out.put("actual_version", actualVersion);
    }
    if (expectedSource != null) {
      out.put("expected_source", expectedSource);
    }
    if (required != null) {
      out.put("required", BooleanNode.of(required));
    }
    out.put("ok", BooleanNode.of(ok()));
    if (failure != null) {
      out.put("failure", failure);
    }
    return out.build();
  }
}
