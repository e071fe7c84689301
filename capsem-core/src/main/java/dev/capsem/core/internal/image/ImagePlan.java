package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.ports.Hasher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capsem.image-plan.v1}: a pure projection of a profile onto what an image build must
 * produce. It holds no build parameters (base images, kernel branch, compression): those live in
 * the workspace's {@code config/build.toml}.
 *
 * @param document the plan in upstream's key order
 * @param arches the planned architectures, in plan order
 */
public record ImagePlan(
    Profile profile, List<String> arches, String packageContractHash, ObjectNode document) {

  public static final String SCHEMA = "capsem.image-plan.v1";

  public ImagePlan {
    arches = List.copyOf(arches);
  }

  /**
   * Plans {@code arches} (every one must have VM assets; {@link ArchSelection#missingAssets} checks
   * that first).
   */
  public static ImagePlan of(Profile profile, List<String> arches, Hasher hasher) {
    ObjectNode doc = profile.document();
    ObjectNode vm = doc.object("vm");
    ObjectNode.Builder vmPlan = ObjectNode.builder();
    for (String key :
        List.of("memory_mib", "cpus", "disk_mib", "network", "track_rootfs_dependencies")) {
      vmPlan.put(key, vm.get(key));
    }
    List<Node> archPlans = new ArrayList<>();
    for (String arch : arches) {
      ObjectNode assets = vm.object("assets").object(arch);
      archPlans.add(
          ObjectNode.builder()
              .put("arch", arch)
              .put(
                  "declared_assets",
                  ObjectNode.builder()
                      .put("kernel", assets.get("kernel"))
                      .put("initrd", assets.get("initrd"))
                      .put("rootfs", assets.get("rootfs"))
                      .build())
              .build());
    }
    String hash = PackageContractHash.of(profile, hasher);
    ObjectNode document =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("profile_id", profile.id())
            .put("profile_revision", profile.revision())
            .put("profile_name", profile.name())
            .put("guest_abi", profile.compatibility().guestAbi())
            .put("package_contract_hash", hash)
            .put("vm", vmPlan.build())
            .put("arches", ArrayNode.of(archPlans))
            .put("packages", doc.object("packages"))
            .put("tools", doc.object("tools"))
            .build();
    return new ImagePlan(profile, arches, hash, document);
  }

  /** Upstream's human summary of a plan. */
  public List<String> humanLines() {
    return List.of(
        "profile: " + profile.reference(),
        "guest ABI: " + profile.compatibility().guestAbi(),
        "package contract: " + packageContractHash,
        "arches: " + String.join(", ", arches),
        "system: " + profile.packages().distro() + " " + profile.packages().release(),
        "tools: " + profile.tools().size());
  }
}
