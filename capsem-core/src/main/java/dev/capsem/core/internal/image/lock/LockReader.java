package dev.capsem.core.internal.image.lock;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.oci.PinnedImage;
import dev.capsem.core.ports.OciReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a lock file and checks every value (E601 at its line and column, all problems at once): a
 * locked build renders names and versions into a Dockerfile, so nothing it has not checked gets
 * there.
 */
public final class LockReader {

  /** The lock, or (null) the problems that make it unusable. */
  public record Read(PackageLock lock, List<Diagnostic> diagnostics) {
    public Read {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private final String shown;
  private final List<Diagnostic> problems = new ArrayList<>();

  private LockReader(String shown) {
    this.shown = shown;
  }

  public static Read read(Path file, String shown) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Read(
          null,
          List.of(
              Diagnostic.of(
                  Code.E016,
                  shown,
                  "",
                  null,
                  "Missing required file: the lock file does not exist (make it with image lock)")));
    } catch (IOException e) {
      return new Read(
          null,
          List.of(Diagnostic.of(Code.E601, shown, "", null, "cannot read: " + e.getMessage())));
    }
    return parse(text, shown);
  }

  /** Checks a lock file's text. */
  public static Read parse(String text, String shown) {
    LockReader reader = new LockReader(shown);
    Node root;
    try {
      root = JsonReader.read(text, JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      return new Read(
          null,
          List.of(
              Diagnostic.of(Code.E601, shown, "", e.position(), "not JSON: " + e.getMessage())));
    }
    PackageLock lock = reader.lock(root);
    return new Read(reader.problems.isEmpty() ? lock : null, reader.problems);
  }

  private PackageLock lock(Node root) {
    ObjectNode document = object(root, "");
    if (document == null) {
      return null;
    }
    String schema = string(document, "schema", "schema");
    if (schema != null && !schema.equals(PackageLock.SCHEMA)) {
      problem("schema", document.get("schema"), "must be " + PackageLock.SCHEMA + ": " + schema);
    }
    ObjectNode profile = object(document.get("profile"), "profile");
    String id = profile == null ? null : string(profile, "id", "profile.id");
    String revision = profile == null ? null : string(profile, "revision", "profile.revision");
    String contract =
        profile == null ? null : string(profile, "package_contract", "profile.package_contract");
    ObjectNode archNodes = object(document.get("arches"), "arches");
    Map<String, ArchLock> arches = new LinkedHashMap<>();
    if (archNodes != null) {
      for (ObjectNode.Member member : archNodes.entries()) {
        ArchLock arch = arch(member.value(), "arches." + member.key());
        if (arch != null) {
          arches.put(member.key(), arch);
        }
      }
      if (archNodes.isEmpty()) {
        problem("arches", archNodes, "locks no architecture");
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new PackageLock(id, revision, contract, arches);
  }

  private ArchLock arch(Node node, String path) {
    ObjectNode arch = object(node, path);
    if (arch == null) {
      return null;
    }
    int before = problems.size();
    PinnedImage image = baseImage(arch.get("base_image"), path + ".base_image");
    LockedKernel kernel = null;
    if (arch.has("kernel_source")) {
      kernel = kernel(arch.get("kernel_source"), path + ".kernel_source");
    }
    Map<String, Locked> apt = packages(arch, "apt", "sha256", path);
    Map<String, Locked> python = packages(arch, "python", null, path);
    Map<String, Locked> npm = packages(arch, "npm", "integrity", path);
    if (problems.size() > before) {
      return null;
    }
    return new ArchLock(image, kernel, apt, python, npm);
  }

  private PinnedImage baseImage(Node node, String path) {
    ObjectNode image = object(node, path);
    if (image == null) {
      return null;
    }
    String reference = string(image, "reference", path + ".reference");
    String digest = string(image, "digest", path + ".digest");
    String source = string(image, "source", path + ".source");
    if (reference == null || digest == null || source == null) {
      return null;
    }
    if (!digest.startsWith("sha256:") || !LockValues.sha256(digest.substring(7))) {
      problem(path + ".digest", image.get("digest"), "not a sha256 digest: " + digest);
      return null;
    }
    OciReference parsed;
    try {
      parsed = OciReference.parse(reference);
    } catch (IllegalArgumentException e) {
      problem(path + ".reference", image.get("reference"), "not an image reference: " + reference);
      return null;
    }
    return switch (source) {
      case PinnedImage.ENGINE -> new PinnedImage(reference, digest, source, digest);
      case PinnedImage.REGISTRY -> {
        if (!parsed.explicitRegistry()) {
          problem(path + ".reference", image.get("reference"), "names no registry: " + reference);
          yield null;
        }
        yield new PinnedImage(
            reference,
            digest,
            source,
            parsed.registry() + "/" + parsed.repository() + "@" + digest);
      }
      default -> {
        problem(path + ".source", image.get("source"), "must be registry or engine: " + source);
        yield null;
      }
    };
  }

  private LockedKernel kernel(Node node, String path) {
    ObjectNode kernel = object(node, path);
    if (kernel == null) {
      return null;
    }
    String version = string(kernel, "version", path + ".version");
    String source = string(kernel, "source", path + ".source");
    String sha256 = string(kernel, "sha256", path + ".sha256");
    if (version == null || source == null || sha256 == null) {
      return null;
    }
    if (!LockValues.kernelVersion(version)) {
      problem(path + ".version", kernel.get("version"), "not a kernel version: " + version);
      return null;
    }
    if (!LockValues.sha256(sha256)) {
      problem(path + ".sha256", kernel.get("sha256"), "not 64 lower-case hex digits: " + sha256);
      return null;
    }
    return new LockedKernel(version, source, sha256);
  }

  private Map<String, Locked> packages(
      ObjectNode arch, String ecosystem, String hashKey, String archPath) {
    String path = archPath + "." + ecosystem;
    Map<String, Locked> out = new LinkedHashMap<>();
    ObjectNode packages = object(arch.get(ecosystem), path);
    if (packages == null) {
      return out;
    }
    for (ObjectNode.Member member : packages.entries()) {
      String name = member.key();
      String at = path + "." + name;
      String nameProblem = LockValues.nameProblem(ecosystem, name);
      if (nameProblem != null) {
        problems.add(
            Diagnostic.of(Code.E601, shown, at, member.keyPosition(), nameProblem + ": " + name));
        continue;
      }
      ObjectNode entry = object(member.value(), at);
      if (entry == null) {
        continue;
      }
      String version = string(entry, "version", at + ".version");
      if (version == null) {
        continue;
      }
      String versionProblem = LockValues.versionProblem(ecosystem, version);
      if (versionProblem != null) {
        problem(at + ".version", entry.get("version"), versionProblem + ": '" + version + "'");
        continue;
      }
      String hash = null;
      if (hashKey != null && entry.has(hashKey)) {
        hash = string(entry, hashKey, at + "." + hashKey);
        String hashProblem = hash == null ? null : LockValues.hashProblem(ecosystem, hash);
        if (hashProblem != null) {
          problem(at + "." + hashKey, entry.get(hashKey), hashProblem + ": '" + hash + "'");
          continue;
        }
      }
      out.put(name, new Locked(version, hash));
    }
    return out;
  }

  private ObjectNode object(Node node, String path) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    problem(path, node, node == null ? "required" : "must be an object");
    return null;
  }

  private String string(ObjectNode parent, String key, String path) {
    Node node = parent.get(key);
    if (node instanceof StringNode text && !text.value().isEmpty()) {
      return text.value();
    }
    problem(path, node == null ? parent : node, node == null ? "required" : "must be a string");
    return null;
  }

  private void problem(String path, Node near, String message) {
    Position position = near == null ? null : near.position();
    problems.add(Diagnostic.of(Code.E601, shown, path, position, path + ": " + message));
  }
}
