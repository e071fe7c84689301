package dev.capsem.core.internal.image;

import dev.capsem.core.internal.manifest.AssetNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what a build made into its TOML profile, in place: for each built architecture and kind,
 * the {@code url} and {@code signature_url} keep their folder and end in the built file's name
 * (image verify finds an asset at {@code <assets dir>/<arch>/<last URL segment>}), {@code hash} and
 * {@code size} become the file's. Tables of architectures the assets folder does not hold are
 * removed, so the profile never promises bytes nobody made. Every other line, comment and blank
 * stays as it was. Profiles whose assets are not written as {@code [vm.assets.<arch>.<kind>]}
 * tables with one {@code key = value} per line are left alone (empty result).
 */
final class ProfileAssetsEdit {

  private static final Pattern HEADER =
      Pattern.compile("\\s*\\[\\s*vm\\.assets\\.([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)\\s*]\\s*(#.*)?");
  private static final Pattern ANY_HEADER = Pattern.compile("\\s*\\[.*");
  private static final Pattern STRING_KEY =
      Pattern.compile("(\\s*(url|hash|signature_url)\\s*=\\s*)\"[^\"\\\\]*\"(.*)");
  private static final Pattern SIZE_KEY = Pattern.compile("(\\s*size\\s*=\\s*)[0-9_]+(.*)");

  /** One built file: where it sits in the assets folder, its BLAKE3 (hex) and size. */
  record Built(String arch, String kind, String hash, long size) {}

  private ProfileAssetsEdit() {}

  /**
   * The profile's text with {@code built} written in, or empty when its layout is not the one this
   * edit keeps (every built arch and kind needs its table with {@code url}, {@code hash} and {@code
   * size} lines).
   *
   * @param held the architectures the assets folder holds (built now or earlier)
   */
  static Optional<String> apply(String toml, List<Built> built, Set<String> held) {
    Map<String, Built> byTable = new HashMap<>();
    for (Built file : built) {
      byTable.put(file.arch() + "." + file.kind(), file);
    }
    Set<String> written = new HashSet<>();
    List<String> out = new ArrayList<>();
    String table = null;
    boolean dropping = false;
    for (String line : toml.split("\n", -1)) {
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        table = header.group(1) + "." + header.group(2);
        dropping = !held.contains(header.group(1));
      } else if (ANY_HEADER.matcher(line).matches()) {
        table = null;
        dropping = false;
      }
      if (dropping) {
        continue;
      }
      Built file = table == null ? null : byTable.get(table);
      out.add(file == null ? line : edited(line, file, written, table));
    }
    for (String key : byTable.keySet()) {
      for (String field : List.of(".url", ".hash", ".size")) {
        if (!written.contains(key + field)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(String.join("\n", out));
  }

  private static String edited(String line, Built file, Set<String> written, String table) {
    Matcher string = STRING_KEY.matcher(line);
    if (string.matches()) {
      String key = string.group(2);
      written.add(table + "." + key);
      String value =
          switch (key) {
            case "hash" -> "blake3:" + file.hash();
            case "url" -> renamed(current(line), file);
            default -> renamed(current(line).replaceFirst("\\.minisig$", ""), file) + ".minisig";
          };
      return string.group(1) + "\"" + value + "\"" + string.group(3);
    }
    Matcher size = SIZE_KEY.matcher(line);
    if (size.matches()) {
      written.add(table + ".size");
      return size.group(1) + file.size() + size.group(2);
    }
    return line;
  }

  private static String current(String line) {
    int start = line.indexOf('"') + 1;
    return line.substring(start, line.indexOf('"', start));
  }

  /** The URL with its last segment the built file's name ({@code vmlinuz}, ...). */
  private static String renamed(String url, Built file) {
    String name = AssetNames.BY_KIND.get(file.kind());
    int slash = url.lastIndexOf('/');
    return slash < 0 ? name : url.substring(0, slash + 1) + name;
  }
}
