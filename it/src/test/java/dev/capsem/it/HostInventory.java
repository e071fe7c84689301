package dev.capsem.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image inventory of a real Debian system, this test machine's, read the way the inventory step
 * reads an exported rootfs: installed packages from {@code var/lib/dpkg/status}, Python
 * distributions from {@code dist-info/METADATA} (names lower-cased, as upstream's extractor does),
 * global npm packages from {@code package.json}. It gives the SBOM tests hundreds of real names and
 * versions (epochs, {@code +dfsg}, {@code ~deb12u1}, {@code libstdc++6}) where no image build is at
 * hand.
 */
final class HostInventory {

  private static final Pattern JSON_FIELD =
      Pattern.compile("\"(name|version)\"\\s*:\\s*\"([^\"]+)\"");

  private HostInventory() {}

  /** The inventory as JSON, or skips (fails under CI) when this is not a Debian system. */
  static String json(Path root) throws IOException {
    Path status = root.resolve("var/lib/dpkg/status");
    if (!Files.isRegularFile(status)) {
      String message = "no Debian package database at " + status;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      abort(message);
    }
    Map<String, String> apt = dpkg(Files.readString(status, StandardCharsets.UTF_8));
    Map<String, String> python = new TreeMap<>();
    for (String dir :
        new String[] {"usr/lib/python3/dist-packages", "usr/local/lib/python3/dist-packages"}) {
      python.putAll(python(root.resolve(dir)));
    }
    Map<String, String> node = npm(root.resolve("usr/lib/node_modules"));
    Map<String, String> tools = new TreeMap<>();
    if (apt.containsKey("python3")) {
      tools.put("python3", apt.get("python3"));
    }
    if (node.containsKey("npm")) {
      tools.put("npm", node.get("npm"));
    }
    return JsonPrinter.pretty()
        .print(
            ObjectNode.builder()
                .put("schema", "capsem.image-inventory.v1")
                .put("apt", map(apt))
                .put("python_modules", map(python))
                .put("node_packages", map(node))
                .put("tools", map(tools))
                .build());
  }

  private static Map<String, String> dpkg(String status) {
    Map<String, String> packages = new TreeMap<>();
    for (String stanza : status.split("\n\n")) {
      String name = field(stanza, "Package");
      String version = field(stanza, "Version");
      String state = field(stanza, "Status");
      if (name != null && version != null && "install ok installed".equals(state)) {
        packages.put(name, version);
      }
    }
    return packages;
  }

  private static String field(String stanza, String key) {
    for (String line : stanza.split("\n")) {
      if (line.startsWith(key + ": ")) {
        return line.substring(key.length() + 2).strip();
      }
    }
    return null;
  }

  private static Map<String, String> python(Path dir) throws IOException {
    Map<String, String> found = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> infos = Files.newDirectoryStream(dir, "*.dist-info")) {
      for (Path info : infos) {
        Path metadata = info.resolve("METADATA");
        if (Files.isRegularFile(metadata)) {
          String text = Files.readString(metadata, StandardCharsets.UTF_8);
          String head = text.split("\n\n", 2)[0];
          String name = field(head, "Name");
          String version = field(head, "Version");
          if (name != null && version != null) {
            found.put(name.toLowerCase(Locale.ROOT), version);
          }
        }
      }
    }
    return found;
  }

  private static Map<String, String> npm(Path modules) throws IOException {
    Map<String, String> found = new TreeMap<>();
    if (!Files.isDirectory(modules)) {
      return found;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(modules)) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().startsWith("@")) {
          try (DirectoryStream<Path> scoped = Files.newDirectoryStream(entry)) {
            for (Path pkg : scoped) {
              npmPackage(pkg, found);
            }
          }
        } else {
          npmPackage(entry, found);
        }
      }
    }
    return found;
  }

  private static void npmPackage(Path dir, Map<String, String> found) throws IOException {
    Path manifest = dir.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      return;
    }
    String name = null;
    String version = null;
    Matcher m = JSON_FIELD.matcher(Files.readString(manifest, StandardCharsets.UTF_8));
    while (m.find() && (name == null || version == null)) {
      if (m.group(1).equals("name") && name == null) {
        name = m.group(2);
      } else if (m.group(1).equals("version") && version == null) {
        version = m.group(2);
      }
    }
    if (name != null && version != null) {
      found.put(name, version);
    }
  }

  private static ObjectNode map(Map<String, String> values) {
    ObjectNode.Builder out = ObjectNode.builder();
    values.forEach((k, v) -> out.put(k, StringNode.of(v)));
    return out.build();
  }
}
