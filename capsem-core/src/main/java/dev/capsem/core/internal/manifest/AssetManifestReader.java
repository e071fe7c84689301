package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.InputDocument;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a format-2 asset manifest with the rules of upstream's last runtime reader ({@code
 * ManifestV2::from_json}: typed fields, unknown fields ignored, safe version and file names, 64-hex
 * hashes, no empty arch entry) plus ours (spec §2.3): both {@code current} versions must be listed.
 * Every problem is reported, each with its position.
 */
public final class AssetManifestReader {

  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private AssetManifestReader(String file) {
    this.file = file;
  }

  /** Reads a manifest file; {@code shownAs} is how diagnostics name it. */
  public static AssetManifestCheck read(Path path, String shownAs) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      return failed(shownAs, "cannot read " + shownAs + ": " + e.getMessage(), null);
    }
    return read(bytes, shownAs);
  }

  public static AssetManifestCheck read(byte[] bytes, String shownAs) {
    InputDocument input = InputDocument.parse(bytes, shownAs, true, "asset_manifest");
    if (!input.parsed()) {
      return new AssetManifestCheck(null, input.problems());
    }
    return new AssetManifestReader(shownAs).check(input.tree());
  }

  private static AssetManifestCheck failed(String file, String message, Position position) {
    return new AssetManifestCheck(
        null, List.of(Diagnostic.of(Code.E002, file, "", position, message)));
  }

  private AssetManifestCheck check(Node document) {
    if (!(document instanceof ObjectNode root)) {
      report(Code.E003, "", document, "invalid type: expected a manifest object");
      return new AssetManifestCheck(null, diagnostics);
    }
    Node format = required(root, "format", "");
    if (format != null) {
      BigInteger value = unsigned(format, "format", BigInteger.valueOf(0xFFFF_FFFFL));
      if (value != null && !value.equals(BigInteger.valueOf(AssetManifest.FORMAT))) {
        report(Code.E401, "format", format, "expected manifest format 2, got " + value);
      }
    }
    String currentAssets = null;
    Map<String, AssetRelease> assetReleases = new LinkedHashMap<>();
    ObjectNode assets = object(required(root, "assets", ""), "assets");
    if (assets != null) {
      currentAssets = version(required(assets, "current", "assets"), "assets.current");
      ObjectNode releases = object(required(assets, "releases", "assets"), "assets.releases");
      if (releases != null) {
        for (ObjectNode.Member member : releases.entries()) {
          String path = "assets.releases." + member.key();
          checkVersion(member.key(), path, member.keyPosition());
          AssetRelease release = assetRelease(member.key(), member.value(), path);
          if (release != null) {
            assetReleases.put(member.key(), release);
          }
        }
        if (currentAssets != null && !releases.has(currentAssets)) {
          report(
              Code.E405,
              "assets.current",
              assets.get("current"),
              "asset version " + currentAssets + " not found in manifest");
        }
      }
    }
    String currentBinary = null;
    Map<String, BinaryRelease> binaryReleases = new LinkedHashMap<>();
    ObjectNode binaries = object(required(root, "binaries", ""), "binaries");
    if (binaries != null) {
      currentBinary = version(required(binaries, "current", "binaries"), "binaries.current");
      ObjectNode releases = object(required(binaries, "releases", "binaries"), "binaries.releases");
      if (releases != null) {
        for (ObjectNode.Member member : releases.entries()) {
          String path = "binaries.releases." + member.key();
          checkVersion(member.key(), path, member.keyPosition());
          BinaryRelease release = binaryRelease(member.value(), path);
          if (release != null) {
            binaryReleases.put(member.key(), release);
          }
        }
        if (currentBinary != null && !releases.has(currentBinary)) {
          report(
              Code.E405,
              "binaries.current",
              binaries.get("current"),
              "binary version " + currentBinary + " not found in manifest");
        }
      }
    }
    if (!diagnostics.isEmpty()) {
      return new AssetManifestCheck(null, diagnostics);
    }
    return new AssetManifestCheck(
        new AssetManifest(currentAssets, assetReleases, currentBinary, binaryReleases, root),
        diagnostics);
  }

  private AssetRelease assetRelease(String version, Node value, String path) {
    ObjectNode release = object(value, path);
    if (release == null) {
      return null;
    }
    int before = diagnostics.size();
    String date = optionalString(release, "date", path);
    boolean deprecated = optionalBool(release, "deprecated", path);
    optionalString(release, "deprecated_date", path);
    String minBinary = optionalString(release, "min_binary", path);
    Map<String, Map<String, AssetFile>> arches = new LinkedHashMap<>();
    ObjectNode archNodes = object(required(release, "arches", path), path + ".arches");
    if (archNodes != null) {
      for (ObjectNode.Member arch : archNodes.entries()) {
        String archPath = path + ".arches." + arch.key();
        ObjectNode files = object(arch.value(), archPath);
        if (files == null) {
          continue;
        }
        if (files.isEmpty()) {
          report(Code.E404, archPath, files, "asset release " + version + " has empty arch entry");
          continue;
        }
        Map<String, AssetFile> entries = new LinkedHashMap<>();
        for (ObjectNode.Member name : files.entries()) {
          String filePath = archPath + "." + name.key();
          checkFileName(name.key(), filePath, name.keyPosition());
          AssetFile entry = assetFile(name.value(), filePath);
          if (entry != null) {
            entries.put(name.key(), entry);
          }
        }
        arches.put(arch.key(), entries);
      }
    }
    if (diagnostics.size() > before) {
      return null;
    }
    return new AssetRelease(date, deprecated, minBinary, arches);
  }

  private AssetFile assetFile(Node value, String path) {
    ObjectNode entry = object(value, path);
    if (entry == null) {
      return null;
    }
    Node hashNode = required(entry, "hash", path);
    String hash = string(hashNode, path + ".hash");
    if (hash != null && !isHex64(hash)) {
      report(
          Code.E403,
          path + ".hash",
          hashNode,
          "invalid blake3 hash (expected 64 hex chars): " + hash);
      hash = null;
    }
    Node sizeNode = required(entry, "size", path);
    BigInteger size = sizeNode == null ? null : unsigned(sizeNode, path + ".size", U64_MAX);
    if (hash == null || size == null) {
      return null;
    }
    return new AssetFile(hash, size.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact());
  }

  private BinaryRelease binaryRelease(Node value, String path) {
    ObjectNode release = object(value, path);
    if (release == null) {
      return null;
    }
    int before = diagnostics.size();
    String date = optionalString(release, "date", path);
    boolean deprecated = optionalBool(release, "deprecated", path);
    optionalString(release, "deprecated_date", path);
    String minAssets = optionalString(release, "min_assets", path);
    optionalString(release, "version", path);
    Node files = release.get("files");
    if (files != null && !(files instanceof ArrayNode)) {
      report(Code.E003, path + ".files", files, "invalid type: expected a sequence");
    }
    return diagnostics.size() > before ? null : new BinaryRelease(date, deprecated, minAssets);
  }

  private String version(Node node, String path) {
    String value = string(node, path);
    if (value != null && !checkVersion(value, path, node.position())) {
      return null;
    }
    return value;
  }

  /** Upstream's {@code validate_version}: a version becomes a folder name, so no traversal. */
  private boolean checkVersion(String version, String path, Position position) {
    if (version.isEmpty()) {
      diagnostics.add(Diagnostic.of(Code.E402, file, path, position, "version string is empty"));
      return false;
    }
    if (version.contains("..") || version.contains("/") || version.contains("\\")) {
      diagnostics.add(
          Diagnostic.of(
              Code.E402, file, path, position, "version contains path traversal: " + version));
      return false;
    }
    return true;
  }

  private void checkFileName(String name, String path, Position position) {
    if (name.isEmpty()) {
      diagnostics.add(Diagnostic.of(Code.E402, file, path, position, "filename is empty"));
    } else if (name.contains("/") || name.contains("\\") || name.contains("..")) {
      diagnostics.add(
          Diagnostic.of(
              Code.E402, file, path, position, "filename contains path traversal: " + name));
    }
  }

  static boolean isHex64(String hash) {
    if (hash.length() != 64) {
      return false;
    }
    for (int i = 0; i < hash.length(); i++) {
      char c = hash.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private Node required(ObjectNode object, String key, String parentPath) {
    Node value = object.get(key);
    if (value == null) {
      report(
          Code.E001,
          parentPath.isEmpty() ? key : parentPath + "." + key,
          object,
          "missing field `" + key + "`");
    }
    return value;
  }

  private ObjectNode object(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    report(Code.E003, path, node, "invalid type: expected a map");
    return null;
  }

  private String string(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof StringNode string) {
      return string.value();
    }
    report(Code.E003, path, node, "invalid type: expected a string");
    return null;
  }

  private String optionalString(ObjectNode object, String key, String path) {
    Node node = object.get(key);
    if (node == null) {
      return "";
    }
    String value = string(node, path + "." + key);
    return value == null ? "" : value;
  }

  private boolean optionalBool(ObjectNode object, String key, String path) {
    Node node = object.get(key);
    if (node == null) {
      return false;
    }
    if (node instanceof BooleanNode bool) {
      return bool.value();
    }
    report(Code.E003, path + "." + key, node, "invalid type: expected a boolean");
    return false;
  }

  private BigInteger unsigned(Node node, String path, BigInteger max) {
    if (node instanceof IntegerNode integer
        && integer.value().signum() >= 0
        && integer.value().compareTo(max) <= 0) {
      return integer.value();
    }
    report(
        Code.E003,
        path,
        node,
        "invalid type: expected an unsigned integer"
            + (max.bitLength() <= 32 ? " (u32)" : " (u64)"));
    return null;
  }

  private void report(Code code, String path, Node at, String message) {
    diagnostics.add(Diagnostic.of(code, file, path, at == null ? null : at.position(), message));
  }
}
