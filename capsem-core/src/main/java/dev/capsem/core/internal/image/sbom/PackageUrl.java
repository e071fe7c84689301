package dev.capsem.core.internal.image.sbom;

import java.nio.charset.StandardCharsets;

/**
 * Package URLs of inventory packages, encoded as upstream encodes them (Python's {@code
 * urllib.parse.quote}: only {@code A-Za-z0-9_.-~} stay, UTF-8 bytes as upper-case {@code %XX}). npm
 * names keep their {@code /} ({@code @scope/pkg} gives {@code %40scope/pkg}); Debian packages carry
 * Capsem's architecture name ({@code arm64}, {@code x86_64}), as upstream writes it.
 */
public final class PackageUrl {

  private PackageUrl() {}

  /** The purl of an {@code apt}, {@code python} or {@code node} package. */
  public static String of(String kind, String name, String version, String arch) {
    String encodedVersion = quote(version, "");
    return switch (kind) {
      case "apt" ->
          "pkg:deb/debian/" + quote(name, "") + "@" + encodedVersion + "?arch=" + quote(arch, "/");
      case "python" -> "pkg:pypi/" + quote(name, "") + "@" + encodedVersion;
      case "node" -> "pkg:npm/" + quote(name, "/") + "@" + encodedVersion;
      default -> throw new IllegalArgumentException("no package URL for kind " + kind);
    };
  }

  static String quote(String value, String safe) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-'
              || c == '~'
              || (c < 0x80 && safe.indexOf(c) >= 0);
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
