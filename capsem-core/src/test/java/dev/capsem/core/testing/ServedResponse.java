package dev.capsem.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a test web site answers one path: a status, headers and a body, or one of the ways a real
 * server goes wrong half way through.
 *
 * @param headers response headers in order, each name with its values in order
 * @param body what a {@code GET} receives; a {@code HEAD} receives the same head without it
 */
public record ServedResponse(
    int status, Map<String, List<String>> headers, byte[] body, Trouble trouble) {

  /** What goes wrong while the body is sent. */
  public enum Trouble {
    /** Nothing: the whole body is sent. */
    NONE,
    /** The first byte is sent, then nothing more until the site closes. */
    STALLS,
    /** The head declares the whole body, then the connection closes after part of it. */
    CUT_SHORT
  }

  public ServedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
    Objects.requireNonNull(trouble, "trouble");
  }

  /** {@code 200} with {@code body}. */
  public static ServedResponse ok(byte[] body) {
    return new ServedResponse(200, Map.of(), body, Trouble.NONE);
  }

  /** {@code 200} with a UTF-8 text body. */
  public static ServedResponse ok(String body) {
    return ok(body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code status} with a short text body ({@code 204} and {@code 304} have none). */
  public static ServedResponse status(int status) {
    byte[] body =
        status == 204 || status == 304
            ? new byte[0]
            : ("status " + status).getBytes(StandardCharsets.UTF_8);
    return new ServedResponse(status, Map.of(), body, Trouble.NONE);
  }

  /** A redirect to {@code location}, without a body. */
  public static ServedResponse redirect(int status, String location) {
    return new ServedResponse(
        status, Map.of("Location", List.of(location)), new byte[0], Trouble.NONE);
  }

  /** The same response with one more header. */
  public ServedResponse withHeader(String name, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    more.put(name, List.of(values));
    return new ServedResponse(status, more, body, trouble);
  }

  /** The same response, going wrong as {@code trouble} says. */
  public ServedResponse with(Trouble value) {
    return new ServedResponse(status, headers, body, value);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServedResponse that
        && status == that.status
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body)
        && trouble == that.trouble;
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body), trouble);
  }

  @Override
  public String toString() {
    return "ServedResponse["
        + status
        + ", "
        + headers
        + ", "
        + body.length
        + " bytes, "
        + trouble
        + "]";
  }
}
