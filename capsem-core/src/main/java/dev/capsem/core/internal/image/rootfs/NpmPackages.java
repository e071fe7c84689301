package dev.capsem.core.internal.image.rootfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Globally installed npm packages: the top level of each global {@code node_modules} (the AI-CLI
 * prefix {@code /opt/ai-clis}, {@code /usr/local}, {@code /usr}, and every nvm-installed Node),
 * scoped packages included, each read from its {@code package.json}.
 */
final class NpmPackages {

  private static final long MAX_PACKAGE_JSON = 1 << 20;

  private NpmPackages() {}

  static void read(RootfsFiles files, List<RootfsPackage> out, List<Diagnostic> warnings)
      throws IOException {
    for (String modules : prefixes(files)) {
      for (String name : files.list(modules)) {
        if (name.startsWith(".")) {
          continue;
        }
        if (name.startsWith("@")) {
          for (String scoped : files.list(modules + "/" + name)) {
            if (!scoped.startsWith(".")) {
              add(files, modules, name + "/" + scoped, out, warnings);
            }
          }
        } else {
          add(files, modules, name, out, warnings);
        }
      }
    }
  }

  /** The global {@code node_modules} folders that exist in the image. */
  static List<String> prefixes(RootfsFiles files) throws IOException {
    List<String> candidates =
        new ArrayList<>(
            List.of(
                "/opt/ai-clis/lib/node_modules",
                "/usr/local/lib/node_modules",
                "/usr/lib/node_modules"));
    for (String nvm : List.of("/usr/local/nvm", "/root/.nvm")) {
      for (String version : files.list(nvm + "/versions/node")) {
        candidates.add(nvm + "/versions/node/" + version + "/lib/node_modules");
      }
    }
    List<String> out = new ArrayList<>();
    for (String candidate : candidates) {
      if (files.isDirectory(candidate)) {
        out.add(candidate);
      }
    }
    return out;
  }

  private static void add(
      RootfsFiles files,
      String modules,
      String folder,
      List<RootfsPackage> out,
      List<Diagnostic> warnings)
      throws IOException {
    String path = modules + "/" + folder + "/package.json";
    Optional<byte[]> json = files.read(path, MAX_PACKAGE_JSON);
    if (json.isEmpty()) {
      return; // not a package folder (npm leaves .bin and stray folders)
    }
    String name = null;
    String version = null;
    try {
      Node parsed =
          JsonReader.read(new String(json.get(), StandardCharsets.UTF_8), JsonDialect.PYTHON);
      if (parsed instanceof ObjectNode object) {
        name = object.string("name");
        version = object.string("version");
      }
    } catch (JsonSyntaxException e) {
      // Reported below as unreadable.
    }
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      warnings.add(
          Diagnostic.of(Code.W531, null, "", null, path + ": no name or version; package skipped"));
      return;
    }
    out.add(new RootfsPackage("node", name, version, "", path, -1));
  }
}
