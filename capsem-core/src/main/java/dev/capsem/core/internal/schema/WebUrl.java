package dev.capsem.core.internal.schema;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of the WHATWG URL standard that Pydantic's {@code AnyUrl} (the Rust {@code url} crate)
 * applies to profile URLs: scheme detection, special-scheme authorities, host normalisation, dot
 * segments and percent-encoding. {@code java.net.URI} does neither the same validation nor the same
 * normalisation. Error texts are the {@code url} crate's.
 */
final class WebUrl {

  /** Either the normalised URL or the reason it is not one. */
  record Parsed(String serialized, String error) {}

  private static final Map<String, Integer> SPECIAL_PORTS =
      Map.of("http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21);

  private WebUrl() {}

  static Parsed parse(String raw) {
    if (raw.isEmpty()) {
      return fail("input is empty");
    }
    String input = clean(raw);
    int colon = schemeEnd(input);
    if (colon < 0) {
      return fail("relative URL without a base");
    }
    String scheme = input.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = input.substring(colon + 1);
    String fragment = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = encode(rest.substring(hash + 1), WebUrl::inFragmentSet);
      rest = rest.substring(0, hash);
    }
    String query = null;
    int question = rest.indexOf('?');
    boolean special = SPECIAL_PORTS.containsKey(scheme) || scheme.equals("file");
    if (question >= 0) {
      boolean specialQuery = special;
      query = encode(rest.substring(question + 1), c -> inQuerySet(c, specialQuery));
      rest = rest.substring(0, question);
    }
    StringBuilder out = new StringBuilder(scheme).append(':');
    if (SPECIAL_PORTS.containsKey(scheme)) {
      String error = special(scheme, rest, out);
      if (error != null) {
        return fail(error);
      }
    } else if (scheme.equals("file")) {
      String error = file(rest, out);
      if (error != null) {
        return fail(error);
      }
    } else if (rest.startsWith("//")) {
      String afterSlashes = rest.substring(2);
      int slash = afterSlashes.indexOf('/');
      String authority = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
      String path = slash < 0 ? "" : afterSlashes.substring(slash);
      out.append("//").append(encode(authority, WebUrl::inControlSet));
      out.append(path.isEmpty() ? "" : path(path, false));
    } else if (rest.startsWith("/")) {
      out.append(path(rest, false));
    } else {
      out.append(encode(rest, WebUrl::inControlSet));
    }
    if (query != null) {
      out.append('?').append(query);
    }
    if (fragment != null) {
      out.append('#').append(fragment);
    }
    return new Parsed(out.toString(), null);
  }

  private static String special(String scheme, String rest, StringBuilder out) {
    int start = 0;
    while (start < rest.length() && (rest.charAt(start) == '/' || rest.charAt(start) == '\\')) {
      start++;
    }
    int end = start;
    while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '\\') {
      end++;
    }
    String authority = rest.substring(start, end);
    String userinfo = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userinfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
    }
    String hostText = authority;
    String portText = "";
    int portColon =
        authority.startsWith("[")
            ? authority.indexOf(':', Math.max(0, authority.indexOf(']')))
            : authority.lastIndexOf(':');
    if (portColon >= 0) {
      hostText = authority.substring(0, portColon);
      portText = authority.substring(portColon + 1);
    }
    if (hostText.isEmpty()) {
      return "empty host";
    }
    String host = host(hostText);
    if (host.startsWith("!")) {
      return host.substring(1);
    }
    Integer port = null;
    if (!portText.isEmpty()) {
      if (!portText.chars().allMatch(c -> c >= '0' && c <= '9') || portText.length() > 5) {
        return "invalid port number";
      }
      port = Integer.parseInt(portText);
      if (port > 65535) {
        return "invalid port number";
      }
    }
    out.append("//");
    if (userinfo != null && !userinfo.isEmpty()) {
      int split = userinfo.indexOf(':');
      String user = split < 0 ? userinfo : userinfo.substring(0, split);
      String password = split < 0 ? "" : userinfo.substring(split + 1);
      out.append(encode(user, WebUrl::inUserinfoSet));
      if (!password.isEmpty()) {
        out.append(':').append(encode(password, WebUrl::inUserinfoSet));
      }
      out.append('@');
    }
    out.append(host);
    if (port != null && !port.equals(SPECIAL_PORTS.get(scheme))) {
      out.append(':').append(port);
    }
    out.append(path(rest.substring(end), true));
    return null;
  }

  private static String file(String rest, StringBuilder out) {
    String path = rest;
    String host = "";
    if (rest.startsWith("//") || rest.startsWith("\\\\")) {
      String afterSlashes = rest.substring(2);
      int end = 0;
      while (end < afterSlashes.length()
          && afterSlashes.charAt(end) != '/'
          && afterSlashes.charAt(end) != '\\') {
        end++;
      }
      String hostText = afterSlashes.substring(0, end);
      path = afterSlashes.substring(end);
      if (!hostText.isEmpty()) {
        host = host(hostText);
        if (host.startsWith("!")) {
          return host.substring(1);
        }
        if (host.equals("localhost")) {
          host = "";
        }
      }
    }
    out.append("//").append(host).append(path(path, true));
    return null;
  }

  /** Normalises a host; a result starting with {@code !} carries an error text instead. */
  private static String host(String text) {
    if (text.startsWith("[")) {
      if (!text.endsWith("]") || !text.substring(1, text.length() - 1).matches("[0-9A-Fa-f:.]+")) {
        return "!invalid IPv6 address";
      }
      return text.toLowerCase(Locale.ROOT);
    }
    String decoded = percentDecode(text);
    String ascii;
    try {
      ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "!invalid international domain name";
    }
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c <= 0x20 || c == 0x7f || "#%/:<>?@[\\]^|".indexOf(c) >= 0) {
        return "!invalid domain character";
      }
    }
    String[] labels = ascii.split("\\.", -1);
    String last =
        labels[labels.length - 1].isEmpty() && labels.length > 1
            ? labels[labels.length - 2]
            : labels[labels.length - 1];
    if (!last.isEmpty() && (last.matches("[0-9]+") || last.matches("0[xX][0-9a-fA-F]*"))) {
      String ipv4 = ipv4(labels);
      return ipv4 == null ? "!invalid IPv4 address" : ipv4;
    }
    return ascii;
  }

  private static String ipv4(String[] labels) {
    List<String> parts = new ArrayList<>(List.of(labels));
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    if (parts.size() > 4) {
      return null;
    }
    long[] numbers = new long[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      try {
        if (part.isEmpty()) {
          return null;
        } else if (part.startsWith("0x") || part.startsWith("0X")) {
          numbers[i] = part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
        } else if (part.length() > 1 && part.startsWith("0")) {
          numbers[i] = Long.parseLong(part.substring(1), 8);
        } else {
          numbers[i] = Long.parseLong(part);
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    for (int i = 0; i < numbers.length - 1; i++) {
      if (numbers[i] > 255) {
        return null;
      }
    }
    long lastValue = numbers[numbers.length - 1];
    if (lastValue >= Math.pow(256, 5 - numbers.length)) {
      return null;
    }
    long address = lastValue;
    for (int i = 0; i < numbers.length - 1; i++) {
      address += numbers[i] << (8 * (3 - i));
    }
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  /** Splits a path into segments, resolves {@code .} and {@code ..}, percent-encodes each one. */
  private static String path(String raw, boolean special) {
    List<String> segments = new ArrayList<>();
    String text = raw.startsWith("/") || (special && raw.startsWith("\\")) ? raw.substring(1) : raw;
    if (raw.isEmpty()) {
      return special ? "/" : "";
    }
    String[] parts = special ? text.split("[/\\\\]", -1) : text.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      String lower = part.toLowerCase(Locale.ROOT);
      if (lower.equals(".") || lower.equals("%2e")) {
        if (last) {
          segments.add("");
        }
      } else if (lower.equals("..")
          || lower.equals(".%2e")
          || lower.equals("%2e.")
          || lower.equals("%2e%2e")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
        if (last) {
          segments.add("");
        }
      } else {
        segments.add(encode(part, WebUrl::inPathSet));
      }
    }
    return "/" + String.join("/", segments);
  }

  private static String clean(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && raw.charAt(start) <= 0x20) {
      start++;
    }
    while (end > start && raw.charAt(end - 1) <= 0x20) {
      end--;
    }
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int schemeEnd(String input) {
    if (input.isEmpty() || !isAsciiAlpha(input.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!(isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private interface EncodeSet {
    boolean contains(int c);
  }

  private static boolean inControlSet(int c) {
    return c < 0x20 || c > 0x7e;
  }

  private static boolean inFragmentSet(int c) {
    return inControlSet(c) || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
  }

  private static boolean inQuerySet(int c, boolean special) {
    return inControlSet(c)
        || c == ' '
        || c == '"'
        || c == '#'
        || c == '<'
        || c == '>'
        || (special && c == '\'');
  }

  private static boolean inPathSet(int c) {
    return inQuerySet(c, false) || c == '?' || c == '`' || c == '{' || c == '}';
  }

  private static boolean inUserinfoSet(int c) {
    return inPathSet(c) || "/:;=@[\\]^|".indexOf(c) >= 0;
  }

  private static String encode(String text, EncodeSet set) {
    StringBuilder out = new StringBuilder(text.length());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (set.contains(c)) {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%'
          && i + 2 < raw.length
          && Character.digit(raw[i + 1], 16) >= 0
          && Character.digit(raw[i + 2], 16) >= 0) {
        bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Parsed fail(String error) {
    return new Parsed(null, error);
  }
}
