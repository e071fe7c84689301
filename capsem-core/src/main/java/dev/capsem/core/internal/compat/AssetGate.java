package dev.capsem.core.internal.compat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.manifest.AssetFile;
import dev.capsem.core.internal.manifest.AssetManifest;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.manifest.AssetRelease;
import dev.capsem.core.internal.manifest.BinaryRelease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which asset release a binary boots (decision D8, spec §2.3): the greatest release that is not
 * deprecated, is at least the binary's {@code min_assets}, and whose {@code min_binary} the binary
 * meets. {@code assets.current} does not cap the pick, and there is no fallback to a release the
 * rules exclude; when none is left the answer is a refusal, not a guess.
 */
public final class AssetGate {

  /** The three files a VM boots from, in the order they are reported. */
  public static final List<String> BOOT_FILES = AssetNames.BOOT_FILES;

  private AssetGate() {}

  public static BootDecision resolve(AssetManifest manifest, BootRequest request) {
    String binary = request.binaryVersion();
    BinaryRelease listed = manifest.binaryReleases().get(binary);
    String minAssets = listed == null ? "" : listed.minAssets();
    String chosen = null;
    for (Map.Entry<String, AssetRelease> entry : manifest.assetReleases().entrySet()) {
      String version = entry.getKey();
      AssetRelease release = entry.getValue();
      boolean compatible =
          !release.deprecated()
              && Versions.atLeast(version, minAssets)
              && Versions.atLeast(binary, release.minBinary());
      if (compatible && (chosen == null || Versions.compare(version, chosen) > 0)) {
        chosen = version;
      }
    }
    if (chosen == null) {
      return refused(
          Code.E410,
          "no compatible asset release for binary "
              + binary
              + " (min_assets: "
              + (minAssets.isEmpty() ? "unspecified" : minAssets)
              + ")");
    }
    AssetRelease release = manifest.assetReleases().get(chosen);
    List<String> arches =
        request.arch() == null ? List.copyOf(release.arches().keySet()) : List.of(request.arch());
    if (arches.isEmpty()) {
      return refused(Code.E411, "asset release " + chosen + " lists no architecture");
    }
    Map<String, Map<String, AssetFile>> files = new LinkedHashMap<>();
    for (String arch : arches) {
      Map<String, AssetFile> available = release.arches().get(arch);
      if (available == null) {
        return refused(Code.E411, "arch " + arch + " not found in asset release " + chosen);
      }
      Map<String, AssetFile> boot = new LinkedHashMap<>();
      for (String name : BOOT_FILES) {
        AssetFile file = available.get(name);
        if (file == null) {
          return refused(Code.E411, name + " not found in asset release " + chosen + " / " + arch);
        }
        boot.put(name, file);
      }
      files.put(arch, boot);
    }
    List<Diagnostic> warnings = new ArrayList<>();
    if (listed != null && listed.deprecated()) {
      warnings.add(
          Diagnostic.of(
              Code.W401,
              null,
              "binaries.releases." + binary,
              null,
              "binary " + binary + " is deprecated"));
    }
    return new BootDecision.Boot(chosen, files, warnings);
  }

  private static BootDecision refused(Code code, String message) {
    return new BootDecision.Refused(new GateRefusal(code, message));
  }
}
