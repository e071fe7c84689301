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

  /**
   * The purl of a Debian package as the filesystem records it: Debian's architecture name and, when
   * known, the release ({@code
   * pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12}).
   */
  public static String debian(String name, String version, String architecture, String distro) {
    StringBuilder purl =
        new StringBuilder("pkg:deb/debian/")
            .append(quote(name, ""))
            .append('@')
            .append(quote(version, ""));
    String separator = "?";
    if (!architecture.isEmpty()) {
      purl.append(separator).append("arch=").append(quote(architecture, ""));
      separator = "&";
    }
    if (!distro.isEmpty()) {
      purl.append(separator).append("distro=").append(quote(distro, ""));
    }
    return purl.toString();
  }

  /**
   * The purl of a Python distribution with its name normalized as the purl spec asks (PEP 503:
   * lower case, runs of {@code -_.} as one {@code -}): {@code PyYAML} gives {@code
   * pkg:pypi/pyyaml}.
   */
  public static String pypi(String name, String version) {
    String normalized = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    return "pkg:pypi/" + quote(normalized, "") + "@" + quote(version, "");
  }

  /** The purl of an npm package ({@code @scope/name} keeps its slash). */
  public static String npm(String name, String version) {
    return "pkg:npm/" + quote(name, "/") + "@" + quote(version, "");
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
