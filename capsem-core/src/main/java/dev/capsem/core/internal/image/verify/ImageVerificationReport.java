package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code image verify} found ({@code capsem.image-verification.v1}). It is ok when every
 * asset, every inventory and every probe is.
 */
public record ImageVerificationReport(
    String profileId,
    String profileRevision,
    String assetsDir,
    List<AssetCheck> assets,
    List<InventoryCheck> inventories,
    List<DoctorBundleProbe> probes) {

  public static final String SCHEMA = "capsem.image-verification.v1";

  public ImageVerificationReport {
    assets = List.copyOf(assets);
    inventories = List.copyOf(inventories);
    probes = List.copyOf(probes);
  }

  public boolean ok() {
    return assets.stream().allMatch(AssetCheck::ok)
        && inventories.stream().allMatch(InventoryCheck::ok)
        && probes.stream().allMatch(DoctorBundleProbe::ok);
  }

  /** Upstream's report, key for key. */
  public ObjectNode toJson() {
    return ObjectNode.builder()
        .put("schema", SCHEMA)
        .put("ok", BooleanNode.of(ok()))
        .put("profile_id", profileId)
        .put("profile_revision", profileRevision)
        .put("assets_dir", assetsDir)
        .put("assets", ArrayNode.of(assets.stream().map(AssetCheck::toJson).toList()))
        .put("inventories", ArrayNode.of(inventories.stream().map(InventoryCheck::toJson).toList()))
        .put("probes", ArrayNode.of(probes.stream().map(DoctorBundleProbe::toJson).toList()))
        .build();
  }

  /** Upstream's standard output without {@code --json}: counts of what passed. */
  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    lines.add("profile: " + profileId + "@" + profileRevision);
    lines.add("assets dir: " + assetsDir);
    lines.add(
        "assets: " + assets.stream().filter(AssetCheck::ok).count() + "/" + assets.size() + " ok");
    if (!inventories.isEmpty()) {
      List<ContractCheck> packages =
          inventories.stream().flatMap(i -> i.packageContract().stream()).toList();
      List<ContractCheck> tools =
          inventories.stream().flatMap(i -> i.toolContract().stream()).toList();
      lines.add(
          "package contract: "
              + packages.stream().filter(ContractCheck::ok).count()
              + "/"
              + packages.size()
              + " ok");
      lines.add(
          "tool contract: "
              + tools.stream().filter(ContractCheck::ok).count()
              + "/"
              + tools.size()
              + " ok");
    }
    if (!probes.isEmpty()) {
      lines.add(
          "probes: "
              + probes.stream().filter(DoctorBundleProbe::ok).count()
              + "/"
              + probes.size()
              + " ok");
    }
    return lines;
  }

  /**
   * Upstream's standard error: one line per failed asset, contract row and probe. A missing
   * inventory has no line of its own upstream; ours adds {@code <arch>/inventory: missing <path>}
   * so that the one failure that makes the report fail is never silent.
   */
  public List<String> failureLines() {
    List<String> lines = new ArrayList<>();
    for (AssetCheck asset : assets) {
      if (!asset.ok()) {
        lines.add(asset.arch() + "/" + asset.kind() + ": " + asset.failure() + " " + asset.path());
      }
    }
    for (InventoryCheck inventory : inventories) {
      if (inventory.failure() != null) {
        lines.add(inventory.arch() + "/inventory: " + inventory.failure() + " " + inventory.path());
      }
      List<ContractCheck> rows = new ArrayList<>(inventory.packageContract());
      rows.addAll(inventory.toolContract());
      for (ContractCheck row : rows) {
        if (!row.ok()) {
          lines.add(
              inventory.arch()
                  + "/"
                  + row.kind()
                  + "/"
                  + row.name()
                  + ": "
                  + row.failure()
                  + " expected="
                  + row.expectedVersion()
                  + " actual="
                  + (row.actualVersion() == null ? "None" : row.actualVersion()));
        }
      }
    }
    for (DoctorBundleProbe probe : probes) {
      if (!probe.ok()) {
        lines.add(
            DoctorBundleProbe.KIND
                + ": failures="
                + probe.failures()
                + " errors="
                + probe.errors()
                + " tests="
                + probe.tests()
                + " "
                + probe.path());
      }
    }
    return lines;
  }
}
