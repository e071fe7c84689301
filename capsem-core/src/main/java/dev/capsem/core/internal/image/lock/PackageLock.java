package dev.capsem.core.internal.image.lock;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.oci.PinnedImage;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A profile's lock ({@code capsem.image-lock.v1}): the resolution of one build, as a Maven or npm
 * lock is of its project file. The profile stays the source of truth; {@code packageContract} ties
 * the lock to the packages the profile declared when it was made.
 *
 * @param packageContract the plan's package-contract hash at lock time
 * @param arches by architecture, in build order
 */
public record PackageLock(
    String profileId, String revision, String packageContract, Map<String, ArchLock> arches) {

  public static final String SCHEMA = "capsem.image-lock.v1";

  public PackageLock {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(packageContract, "packageContract");
    arches = Nodes.ordered(arches);
  }

  /**
   * The lock file's text: indented, names sorted, one trailing newline; the same lock, the same
   * bytes.
   */
  public String json() {
    ObjectNode.Builder archNodes = ObjectNode.builder();
    arches.forEach((arch, lock) -> archNodes.put(arch, arch(lock)));
    return JsonPrinter.pretty()
        .printLine(
            ObjectNode.builder()
                .put("schema", SCHEMA)
                .put(
                    "profile",
                    ObjectNode.builder()
                        .put("id", profileId)
                        .put("revision", revision)
                        .put("package_contract", packageContract)
                        .build())
                .put("arches", archNodes.build())
                .build());
  }

  private static ObjectNode arch(ArchLock lock) {
    PinnedImage image = lock.baseImage();
    ObjectNode.Builder node =
        ObjectNode.builder()
            .put(
                "base_image",
                ObjectNode.builder()
                    .put("reference", image.reference())
                    .put("digest", image.digest())
                    .put("source", image.source())
                    .build());
    if (lock.kernel() != null) {
      node.put(
          "kernel_source",
          ObjectNode.builder()
              .put("version", lock.kernel().version())
              .put("source", lock.kernel().source())
              .put("sha256", lock.kernel().sha256())
              .build());
    }
    return node.put("apt", packages(lock.apt(), "sha256"))
        .put("python", packages(lock.python(), "hash"))
        .put("npm", packages(lock.npm(), "integrity"))
        .build();
  }

  private static ObjectNode packages(Map<String, Locked> packages, String hashKey) {
    ObjectNode.Builder node = ObjectNode.builder();
    new TreeMap<>(packages)
        .forEach(
            (name, locked) -> {
              ObjectNode.Builder entry = ObjectNode.builder().put("version", locked.version());
              if (locked.hash() != null) {
                entry.put(hashKey, locked.hash());
              }
              node.put(name, entry.build());
            });
    return node.build();
  }
}
