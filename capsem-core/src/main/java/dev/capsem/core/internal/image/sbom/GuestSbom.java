package dev.capsem.core.internal.image.sbom;

import dev.capsem.core.internal.image.CodePointOrder;
import dev.capsem.core.internal.image.verify.ImageInventory;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SPDX 2.3 document of one architecture's guest image: every inventory package (apt, then
 * Python, npm and tools, each sorted by name) with its purl, a DESCRIBES relationship per package,
 * keys in upstream's order.
 *
 * <p>Ours (decision D10): {@code created} comes from the injected clock, and an SPDXID that two
 * names share, ignoring case as SPDX's validator does (Python's {@code foo_bar} and {@code
 * foo-bar}, {@code Foo} and {@code foo}), gets {@code -2}, {@code -3}, ... in document order, so
 * the document stays valid; upstream writes duplicates.
 */
public final class GuestSbom {

  static final List<String> KINDS = List.of("apt", "python", "node", "tool");
  private static final String NOASSERTION = "NOASSERTION";
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private GuestSbom() {}

  /** The document's file, relative to {@code --out-dir}: {@code <arch>/guest-sbom.spdx.json}. */
  public static String relativePath(String arch) {
    return arch + "/guest-sbom.spdx.json";
  }

  /**
   * The document as {@code image sbom} writes it: 2-space indent, non-ASCII as is, one trailing
   * newline.
   *
   * @param packageContractHash {@code blake3:<hex>} of the profile's packages
   */
  public static String json(
      String profileId,
      String revision,
      String packageContractHash,
      String arch,
      ImageInventory inventory,
      Instant created) {
    return JsonPrinter.pretty()
        .printLine(document(profileId, revision, packageContractHash, arch, inventory, created));
  }

  public static ObjectNode document(
      String profileId,
      String revision,
      String packageContractHash,
      String arch,
      ImageInventory inventory,
      Instant created) {
    List<Node> packages = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String kind : KINDS) {
      Map<String, String> versions = inventory.versions(kind);
      for (String name : versions.keySet().stream().sorted(CodePointOrder.INSTANCE).toList()) {
        String id =
            unique(
                "SPDXRef-" + SpdxTokens.token(arch) + "-" + kind + "-" + SpdxTokens.token(name),
                used);
        ids.add(id);
        packages.add(pkg(id, kind, name, versions.get(name), arch));
      }
    }
    List<Node> relationships = new ArrayList<>();
    for (String id : ids) {
      relationships.add(
          ObjectNode.builder()
              .put("spdxElementId", "SPDXRef-DOCUMENT")
              .put("relationshipType", "DESCRIBES")
              .put("relatedSpdxElement", id)
              .build());
    }
    String namespace =
        "https://capsem.dev/spdx/"
            + SpdxTokens.token(profileId)
            + "/"
            + SpdxTokens.token(revision)
            + "/"
            + SpdxTokens.token(arch)
            + "/"
            + SpdxTokens.token(packageContractHash.replace(':', '-'));
    return ObjectNode.builder()
        .put("spdxVersion", "SPDX-2.3")
        .put("dataLicense", "CC0-1.0")
        .put("SPDXID", "SPDXRef-DOCUMENT")
        .put("name", "Capsem " + profileId + "@" + revision + " " + arch + " guest image SBOM")
        .put("documentNamespace", namespace)
        .put(
            "creationInfo",
            ObjectNode.builder()
                .put("created", CREATED.format(created.truncatedTo(ChronoUnit.SECONDS)))
                .put("creators", ArrayNode.ofStrings(List.of("Tool: capsem-admin")))
                .put("licenseListVersion", "3.25")
                .build())
        .put("packages", ArrayNode.of(packages))
        .put("relationships", ArrayNode.of(relationships))
        .put("documentDescribes", ArrayNode.ofStrings(ids))
        .build();
  }

  /** SPDX's own store compares ids ignoring case, so uniqueness does too. */
  private static String unique(String id, Set<String> used) {
    String candidate = id;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  private static ObjectNode pkg(String id, String kind, String name, String version, String arch) {
    List<Node> refs = new ArrayList<>();
    if (!kind.equals("tool")) {
      refs.add(
          ObjectNode.builder()
              .put("referenceCategory", "PACKAGE-MANAGER")
              .put("referenceType", "purl")
              .put("referenceLocator", StringNode.of(PackageUrl.of(kind, name, version, arch)))
              .build());
    }
    return ObjectNode.builder()
        .put("SPDXID", id)
        .put("name", name)
        .put("versionInfo", version)
        .put("downloadLocation", NOASSERTION)
        .put("filesAnalyzed", BooleanNode.of(false))
        .put("supplier", NOASSERTION)
        .put("licenseConcluded", NOASSERTION)
        .put("licenseDeclared", NOASSERTION)
        .put("copyrightText", NOASSERTION)
        .put("externalRefs", ArrayNode.of(refs))
        .put("comment", "capsem image inventory source=" + kind + " arch=" + arch)
        .build();
  }
}
