package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.manifest.AssetFile;
import dev.capsem.core.internal.manifest.AssetManifest;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.manifest.AssetRelease;
import dev.capsem.core.internal.profile.AssetDeclaration;
import dev.capsem.core.internal.profile.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profile a release publishes: the source profile with {@code vm.assets} describing the assets
 * that were built, and only those. For each built architecture and kind, {@code url} is {@code
 * <asset base URL>/<arch>/<built file name>} ({@code vmlinuz}, {@code initrd.img}, {@code
 * rootfs.squashfs}), {@code hash} and {@code size} are the asset manifest's, and {@code
 * signature_url} is {@code <url>.minisig}. Architectures that were not built are left out, so the
 * published profile never promises bytes nobody made. Everything else is the source profile's.
 *
 * <p>Because image verify finds each asset at {@code <assets dir>/<arch>/<last URL segment>}, the
 * release profile verifies against the build's own output folder, and the catalog's {@code
 * profile_hash} covers these bytes.
 */
public final class ReleaseProfile {

  /** The kinds a profile declares, with the file name the build writes for each. */
  static final Map<String, String> FILE_NAMES = AssetNames.BY_KIND;

  private static final List<String> KINDS = List.of("kernel", "initrd", "rootfs");
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "kernel",
          "application/octet-stream",
          "initrd",
          "application/octet-stream",
          "rootfs",
          "application/vnd.squashfs");

  /** One declared asset of the release profile. */
  public record Asset(String arch, String kind, String url, String hash, long size) {}

  /**
   * The derived profile, or the problems that prevent it.
   *
   * @param json the release profile's bytes as text (indented JSON, one trailing newline)
   */
  public record Derived(
      String json, String assetVersion, List<Asset> assets, List<Diagnostic> problems) {
    public Derived {
      assets = List.copyOf(assets);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private ReleaseProfile() {}

  /**
   * Derives the release profile of {@code source} from the current asset release of {@code
   * manifest}, for the architectures {@code arches}.
   *
   * @param assetBaseUrl where the asset folder is published (its {@code <arch>/} folders below it)
   * @param manifestShown the asset manifest as the user knows it, for messages
   */
  public static Derived derive(
      Profile source,
      AssetManifest manifest,
      String manifestShown,
      List<String> arches,
      String assetBaseUrl) {
    String base = stripSlashes(assetBaseUrl);
    String version = manifest.currentAssets();
    AssetRelease release = manifest.assetReleases().get(version);
    List<Diagnostic> problems = new ArrayList<>();
    List<Asset> assets = new ArrayList<>();
    ObjectNode.Builder assetNodes = ObjectNode.builder();
    for (String arch : arches) {
      Map<String, AssetFile> files = release.arches().get(arch);
      if (files == null) {
        problems.add(
            problem(
                manifestShown,
                "arch " + arch + " not found in asset release " + version + ": build it first"));
        continue;
      }
      ObjectNode.Builder kinds = ObjectNode.builder();
      for (String kind : KINDS) {
        String name = FILE_NAMES.get(kind);
        AssetFile file = files.get(name);
        if (file == null) {
          problems.add(
              problem(
                  manifestShown,
                  name + " not found in asset release " + version + " / " + arch + ": build it"));
          continue;
        }
        String url = base + "/" + arch + "/" + name;
        String hash = file.hash().startsWith("blake3:") ? file.hash() : "blake3:" + file.hash();
        assets.add(new Asset(arch, kind, url, hash, file.size()));
        kinds.put(
            kind,
            ObjectNode.builder()
                .put("url", url)
                .put("hash", hash)
                .put("signature_url", url + ".minisig")
                .put("size", file.size())
                .put("content_type", contentType(source, arch, kind))
                .build());
      }
      assetNodes.put(arch, kinds.build());
    }
    if (!problems.isEmpty()) {
      return new Derived(null, version, List.of(), problems);
    }
    ObjectNode document = source.document();
    ObjectNode vm = document.object("vm").with("assets", assetNodes.build());
    String json = JsonPrinter.pretty().printLine(document.with("vm", vm));
    return new Derived(json, version, assets, List.of());
  }

  /** The {@code file://} URL of a local asset folder, the base when none is configured. */
  public static String fileUrl(Path assetsDir) {
    URI uri = assetsDir.toAbsolutePath().normalize().toUri();
    return stripSlashes(uri.toString());
  }

  /** The report of a derived release profile ({@code capsem.release-profile.v1}). */
  public static ObjectNode report(
      Profile source, String sourceShown, String outShown, String assetBaseUrl, Derived derived) {
    List<Node> assets = new ArrayList<>();
    for (Asset asset : derived.assets()) {
      assets.add(
          ObjectNode.builder()
              .put("arch", asset.arch())
              .put("kind", asset.kind())
              .put("url", asset.url())
              .put("hash", asset.hash())
              .put("size", asset.size())
              .build());
    }
    return ObjectNode.builder()
        .put("schema", "capsem.release-profile.v1")
        .put("ok", BooleanNode.of(true))
        .put("profile_id", source.id())
        .put("profile_revision", source.revision())
        .put("source", sourceShown)
        .put("path", outShown)
        .put("asset_base_url", stripSlashes(assetBaseUrl))
        .put("asset_version", derived.assetVersion())
        .put("assets", ArrayNode.of(assets))
        .build();
  }

  private static String contentType(Profile source, String arch, String kind) {
    var declared = source.vm().assets().get(arch);
    if (declared != null) {
      AssetDeclaration asset =
          switch (kind) {
            case "kernel" -> declared.kernel();
            case "initrd" -> declared.initrd();
            default -> declared.rootfs();
          };
      if (asset != null && asset.contentType() != null && !asset.contentType().isEmpty()) {
        return asset.contentType();
      }
    }
    return CONTENT_TYPES.get(kind);
  }

  private static String stripSlashes(String url) {
    String out = url;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static Diagnostic problem(String file, String message) {
    return new Diagnostic(Code.E411, file, "", null, message);
  }

  /** The {@code <id>-<revision>.json} a release profile is published as. */
  public static String fileName(Profile profile) {
    return profile.id() + "-" + profile.revision() + ".json";
  }
}
