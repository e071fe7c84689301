package dev.capsem.core.internal.image.sbom;

import dev.capsem.core.internal.image.rootfs.RootfsCatalog;
import dev.capsem.core.internal.image.rootfs.RootfsFile;
import dev.capsem.core.internal.image.rootfs.RootfsPackage;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SPDX 2.3 document of one architecture's guest image as its rootfs really is: the document
 * describes the rootfs squashfs (with its digests), the guest agents inside it and the kernel and
 * initrd files (files with SHA-1, SHA-256 and BLAKE3); the rootfs contains every package its dpkg
 * database, Python distributions and global npm folders record (with Debian's architecture and
 * release in the Debian purls). Deterministic: keys in a fixed order, packages in the catalogue's
 * order, {@code created} from the injected time.
 *
 * <p>The namespace is the inventory SBOM's ({@link GuestSbom}) followed by {@code
 * /rootfs-blake3-<hex>}: a different document about the same image gets its own namespace.
 */
public final class RootfsSbom {

  private static final String NOASSERTION = "NOASSERTION";
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * What the document is about.
   *
   * @param profileId the profile's id
   * @param revision the profile's revision
   * @param packageContractHash {@code blake3:<hex>} of the profile's packages
   * @param arch Capsem's architecture name ({@code x86_64}, {@code arm64})
   * @param rootfs the rootfs squashfs file's digests (its path: its file name)
   * @param catalog what the rootfs holds
   * @param bootFiles the kernel and initrd digests, when the assets are at hand
   * @param created the document's time (the build's time source)
   */
  public record Subject(
      String profileId,
      String revision,
      String packageContractHash,
      String arch,
      RootfsFile rootfs,
      RootfsCatalog catalog,
      List<RootfsFile> bootFiles,
      Instant created) {
    public Subject {
      bootFiles = List.copyOf(bootFiles);
    }
  }

  private RootfsSbom() {}

  /** The document, 2-space indented, one trailing newline. */
  public static String json(Subject subject) {
    return JsonPrinter.pretty().printLine(document(subject));
  }

  public static ObjectNode document(Subject s) {
    String arch = SpdxTokens.token(s.arch());
    Set<String> used = new HashSet<>();
    String rootfsId = unique("SPDXRef-" + arch + "-rootfs", used);
    List<Node> packages = new ArrayList<>();
    List<Node> relationships = new ArrayList<>();
    List<String> described = new ArrayList<>();
    described.add(rootfsId);
    packages.add(
        ObjectNode.builder()
            .put("SPDXID", rootfsId)
            .put("name", s.rootfs().path())
            .put("versionInfo", s.revision())
            .put("downloadLocation", NOASSERTION)
            .put("filesAnalyzed", BooleanNode.of(false))
            .put("checksums", checksums(s.rootfs()))
            .put("supplier", NOASSERTION)
            .put("licenseConcluded", NOASSERTION)
            .put("licenseDeclared", NOASSERTION)
            .put("copyrightText", NOASSERTION)
            .put("comment", "capsem rootfs squashfs arch=" + s.arch())
            .build());
    List<String> contained = new ArrayList<>();
    for (RootfsPackage p : s.catalog().packages()) {
      String id =
          unique("SPDXRef-" + arch + "-" + p.kind() + "-" + SpdxTokens.token(p.name()), used);
      contained.add(id);
      packages.add(pkg(id, p, s.catalog().distro()));
    }
    List<Node> files = new ArrayList<>();
    // The guest agents are described beside the rootfs, not contained by it: SPDX reads files
    // inside a package as analyzed, and the rootfs's other files are not.
    for (RootfsFile f : s.catalog().files()) {
      String id = unique("SPDXRef-" + arch + "-file-" + SpdxTokens.token(f.path()), used);
      described.add(id);
      files.add(file(id, "." + f.path(), f, "capsem guest agent in the rootfs"));
    }
    for (RootfsFile f : s.bootFiles()) {
      String id = unique("SPDXRef-" + arch + "-boot-" + SpdxTokens.token(f.path()), used);
      described.add(id);
      files.add(file(id, "./" + f.path(), f, "capsem boot file arch=" + s.arch()));
    }
    for (String id : described) {
      relationships.add(relationship("SPDXRef-DOCUMENT", "DESCRIBES", id));
    }
    for (String id : contained) {
      relationships.add(relationship(rootfsId, "CONTAINS", id));
    }
    String namespace =
        "https://capsem.dev/spdx/"
            + SpdxTokens.token(s.profileId())
            + "/"
            + SpdxTokens.token(s.revision())
            + "/"
            + arch
            + "/"
            + SpdxTokens.token(s.packageContractHash().replace(':', '-'))
            + "/rootfs-blake3-"
            + s.rootfs().blake3();
    return ObjectNode.builder()
        .put("spdxVersion", "SPDX-2.3")
        .put("dataLicense", "CC0-1.0")
        .put("SPDXID", "SPDXRef-DOCUMENT")
        .put(
            "name",
            "Capsem " + s.profileId() + "@" + s.revision() + " " + s.arch() + " guest image SBOM")
        .put("documentNamespace", namespace)
        .put(
            "creationInfo",
            ObjectNode.builder()
                .put("created", CREATED.format(s.created().truncatedTo(ChronoUnit.SECONDS)))
                .put("creators", ArrayNode.ofStrings(List.of("Tool: capsem-admin")))
                .put("licenseListVersion", "3.25")
                .put("comment", "packages read from the rootfs filesystem, not the build inventory")
                .build())
        .put("packages", ArrayNode.of(packages))
        .put("files", ArrayNode.of(files))
        .put("relationships", ArrayNode.of(relationships))
        .put("documentDescribes", ArrayNode.ofStrings(described))
        .build();
  }

  private static ObjectNode pkg(String id, RootfsPackage p, String distro) {
    String purl =
        switch (p.kind()) {
          case "apt" -> PackageUrl.debian(p.name(), p.version(), p.architecture(), distro);
          case "python" -> PackageUrl.pypi(p.name(), p.version());
          default -> PackageUrl.npm(p.name(), p.version());
        };
    String comment =
        "capsem rootfs source="
            + p.kind()
            + " path="
            + p.source()
            + (p.architecture().isEmpty() ? "" : " arch=" + p.architecture())
            + (p.files() >= 0 ? " recorded-files=" + p.files() : "");
    return ObjectNode.builder()
        .put("SPDXID", id)
        .put("name", p.name())
        .put("versionInfo", p.version())
        .put("downloadLocation", NOASSERTION)
        .put("filesAnalyzed", BooleanNode.of(false))
        .put("supplier", NOASSERTION)
        .put("licenseConcluded", NOASSERTION)
        .put("licenseDeclared", NOASSERTION)
        .put("copyrightText", NOASSERTION)
        .put(
            "externalRefs",
            ArrayNode.of(
                List.of(
                    ObjectNode.builder()
                        .put("referenceCategory", "PACKAGE-MANAGER")
                        .put("referenceType", "purl")
                        .put("referenceLocator", purl)
                        .build())))
        .put("comment", comment)
        .build();
  }

  private static ObjectNode file(String id, String name, RootfsFile f, String comment) {
    return ObjectNode.builder()
        .put("SPDXID", id)
        .put("fileName", name)
        .put("checksums", checksums(f))
        .put("licenseConcluded", NOASSERTION)
        .put("copyrightText", NOASSERTION)
        .put("comment", comment + " size=" + f.size())
        .build();
  }

  private static ArrayNode checksums(RootfsFile f) {
    return ArrayNode.of(
        List.of(
            checksum("SHA1", f.sha1()),
            checksum("SHA256", f.sha256()),
            checksum("BLAKE3", f.blake3())));
  }

  private static ObjectNode checksum(String algorithm, String value) {
    return ObjectNode.builder().put("algorithm", algorithm).put("checksumValue", value).build();
  }

  private static ObjectNode relationship(String from, String type, String to) {
    return ObjectNode.builder()
        .put("spdxElementId", from)
        .put("relationshipType", type)
        .put("relatedSpdxElement", to)
        .build();
  }

  /** SPDX's store compares ids ignoring case, so uniqueness does too. */
  private static String unique(String id, Set<String> used) {
    String candidate = id;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }
}
