package dev.capsem.core.internal.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The parts of a normalised catalog URL that the checks need, read the way upstream reads them. */
final class ManifestUrls {

  private ManifestUrls() {}

  static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** The URL's path (after the authority, before {@code ?} and {@code #}), still escaped. */
  static String path(String url) {
    String rest = url.substring(url.indexOf(':') + 1);
    int end = firstOf(rest, '?', '#');
    rest = rest.substring(0, end);
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      return slash < 0 ? "" : rest.substring(slash);
    }
    return rest;
  }

  /** The host of an http(s) URL, lower-cased, brackets kept for IPv6 literals. */
  static String host(String url) {
    String rest = url.substring(url.indexOf(':') + 1);
    if (!rest.startsWith("//")) {
      return "";
    }
    String authority = rest.substring(2, 2 + firstOf(rest.substring(2), '/', '?', '#'));
    int at = authority.lastIndexOf('@');
    String hostPort = authority.substring(at + 1);
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      return close < 0 ? hostPort : hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
    }
    int colon = hostPort.indexOf(':');
    return (colon < 0 ? hostPort : hostPort.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** Plain http is accepted only where nothing leaves the machine. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("[::1]")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Python's {@code urllib.parse.unquote}: {@code %XX} decoded as UTF-8, bad bytes replaced. */
  static String unquote(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(bytes, out);
      out.append(c);
      i++;
    }
    flush(bytes, out);
    return out.toString();
  }

  /**
   * The local file a {@code file:} URL names, or null when no file could have that name (a NUL
   * byte, {@code %00}, or another character the file system refuses).
   */
  static java.nio.file.Path localPath(String url) {
    String path = unquote(path(url));
    if (path.indexOf('\0') >= 0) {
      return null;
    }
    try {
      return java.nio.file.Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /** The last path segment, unescaped; {@code fallback} when it is empty. */
  static String baseName(String url, String fallback) {
    String path = unquote(path(url));
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? fallback : name;
  }

  /**
   * pathlib's {@code "".join(Path(name).suffixes)}: every dot-suffix of the name ({@code
   * rootfs.squashfs} → {@code .squashfs}, {@code a-2026.0520.10.json} → {@code .0520.10.json});
   * leading dots ignored, a name ending in a dot has none.
   */
  static String suffixes(String name) {
    if (name.endsWith(".")) {
      return "";
    }
    String stripped = name.replaceFirst("^\\.+", "");
    int dot = stripped.indexOf('.');
    return dot < 0 ? "" : stripped.substring(dot);
  }

  /** The most a kept file's suffixes may take: its name stays far below file systems' 255 bytes. */
  static final int MAX_SUFFIXES = 64;

  /**
   * Ours: {@link #suffixes} as a safe part of a file name: only when plain ({@code [A-Za-z0-9._-]})
   * and at most {@value #MAX_SUFFIXES} characters, else none. Upstream keeps any suffix, so a
   * hostile name ({@code %00}, a path separator, 300 characters) broke the download folder.
   */
  static String safeSuffixes(String name) {
    String suffixes = suffixes(name);
    return suffixes.length() <= MAX_SUFFIXES && suffixes.matches("[A-Za-z0-9._-]*") ? suffixes : "";
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }

  private static int firstOf(String text, char... stops) {
    int end = text.length();
    for (char stop : stops) {
      int at = text.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return end;
  }
}
