package dev.capsem.core.internal.image.rootfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Python distributions the system interpreter sees, as pip lists them: every {@code
 * *.dist-info} (its {@code METADATA}, and {@code RECORD}'s file count) and {@code *.egg-info} (its
 * {@code PKG-INFO}, or the file itself) in the site folders of {@code /usr/lib/python3*} and {@code
 * /usr/local/lib/python3*}.
 */
final class PythonDistributions {

  private static final long MAX_METADATA = 1 << 20;
  private static final long MAX_RECORD = 16 << 20;

  private PythonDistributions() {}

  static void read(RootfsFiles files, List<RootfsPackage> out, List<Diagnostic> warnings)
      throws IOException {
    for (String site : sites(files)) {
      for (String name : files.list(site)) {
        String path = site + "/" + name;
        if (name.endsWith(".dist-info")) {
          distribution(files, path, path + "/METADATA", out, warnings);
        } else if (name.endsWith(".egg-info")) {
          String metadata = files.isDirectory(path) ? path + "/PKG-INFO" : path;
          distribution(files, path, metadata, out, warnings);
        }
      }
    }
  }

  /**
   * {@code /usr/lib/python3/dist-packages}, {@code /usr/local/lib/python3.11/site-packages}, ...
   */
  static List<String> sites(RootfsFiles files) throws IOException {
    List<String> sites = new ArrayList<>();
    for (String prefix : List.of("/usr/lib", "/usr/local/lib")) {
      for (String python : files.list(prefix)) {
        if (!python.startsWith("python3")) {
          continue;
        }
        for (String site : List.of("dist-packages", "site-packages")) {
          String path = prefix + "/" + python + "/" + site;
          if (files.isDirectory(path)) {
            sites.add(path);
          }
        }
      }
    }
    return sites;
  }

  private static void distribution(
      RootfsFiles files,
      String folder,
      String metadataPath,
      List<RootfsPackage> out,
      List<Diagnostic> warnings)
      throws IOException {
    Optional<byte[]> metadata = files.read(metadataPath, MAX_METADATA);
    String name = null;
    String version = null;
    if (metadata.isPresent()) {
      for (String line : new String(metadata.get(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          break;
        }
        if (line.startsWith("Name:") && name == null) {
          name = line.substring(5).strip();
        } else if (line.startsWith("Version:") && version == null) {
          version = line.substring(8).strip();
        }
      }
    }
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      warnings.add(
          Diagnostic.of(
              Code.W531,
              null,
              "",
              null,
              metadataPath
                  + (metadata.isEmpty() ? ": missing or too large" : ": no Name or Version")
                  + "; package skipped"));
      return;
    }
    int recorded = -1;
    Optional<byte[]> record = files.read(folder + "/RECORD", MAX_RECORD);
    if (record.isPresent()) {
      recorded = 0;
      for (String line : new String(record.get(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          recorded++;
        }
      }
    }
    out.add(new RootfsPackage("python", name, version, "", metadataPath, recorded));
  }
}
