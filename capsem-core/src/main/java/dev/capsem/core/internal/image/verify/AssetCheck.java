package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.ObjectNode;

/**
 * One declared asset on disk: found or not, its size and BLAKE3 against the declaration.
 *
 * @param path where it was looked for, as the report shows it
 * @param actualSize {@code null} when the file is missing
 * @param actualHash {@code blake3:<hex>}, computed even when the size differs; {@code null} when
 *     missing
 * @param failure {@code missing}, {@code size_mismatch} or {@code hash_mismatch} (checked in that
 *     order), or {@code null}
 */
public record AssetCheck(
    String arch,
    String kind,
    String path,
    boolean exists,
    long expectedSize,
    Long actualSize,
    String expectedHash,
    String actualHash,
    String failure) {

  public static final String MISSING = "missing";
  public static final String SIZE_MISMATCH = "size_mismatch";
  public static final String HASH_MISMATCH = "hash_mismatch";

  public boolean ok() {
    return failure == null;
  }

  /** Upstream's key order; absent values are left out. */
  public ObjectNode toJson() {
    ObjectNode.Builder out =
        ObjectNode.builder()
            .put("arch", arch)
            .put("kind", kind)
            .put("path", path)
            .put("exists", BooleanNode.of(exists))
            .put("expected_size", expectedSize);
    if (actualSize != null) {
      out.put("actual_size", actualSize.longValue());
    }
    out.put("expected_hash", expectedHash);
    if (actualHash != null) {
      out.put("actual_hash", actualHash);
    }
    out.put("ok", BooleanNode.of(ok()));
    if (failure != null) {
      out.put("failure", failure);
    }
    return out.build();
  }
}
