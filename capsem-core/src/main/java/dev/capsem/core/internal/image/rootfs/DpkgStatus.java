package dev.capsem.core.internal.image.rootfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dpkg's database of installed packages ({@code /var/lib/dpkg/status}): paragraphs of {@code Field:
 * value} lines, continuation lines indented. Only packages dpkg-query shows as {@code ii} count:
 * wanted for install, no error, fully installed.
 */
final class DpkgStatus {

  static final String PATH = "/var/lib/dpkg/status";

  private DpkgStatus() {}

  static List<RootfsPackage> parse(byte[] status) {
    List<RootfsPackage> packages = new ArrayList<>();
    for (Map<String, String> paragraph : paragraphs(new String(status, StandardCharsets.UTF_8))) {
      String name = paragraph.get("Package");
      String version = paragraph.get("Version");
      if (name == null || version == null || version.isEmpty()) {
        continue;
      }
      if (!"install ok installed".equals(paragraph.get("Status"))) {
        continue;
      }
      packages.add(
          new RootfsPackage(
              "apt", name, version, paragraph.getOrDefault("Architecture", ""), PATH, -1));
    }
    return packages;
  }

  /** Deb822 paragraphs; a field's continuation lines are joined with newlines. */
  static List<Map<String, String>> paragraphs(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String field = null;
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new LinkedHashMap<>();
        }
        field = null;
      } else if ((line.startsWith(" ") || line.startsWith("\t")) && field != null) {
        current.put(field, current.get(field) + "\n" + line.strip());
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) {
          field = line.substring(0, colon);
          current.put(field, line.substring(colon + 1).strip());
        }
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
