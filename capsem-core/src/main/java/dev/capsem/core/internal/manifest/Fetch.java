package dev.capsem.core.internal.manifest;

import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import dev.capsem.core.ports.TransferPace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Fetches the locations a catalog names, with the rules a release pipeline can trust: {@code
 * https}, or {@code http} only on loopback; at most {@value #MAX_REDIRECTS} redirects, each checked
 * against the same rule; one timeout per request; bodies streamed to a file while they are hashed
 * and cut off at a byte limit, so a hostile server can neither fill the disk nor the heap.
 */
final class Fetch {

  static final int MAX_REDIRECTS = 3;
  static final String USER_AGENT = "capsem-admin/manifest-check";

  /** Not an upstream failure word: the caller turns it into one that fits the file. */
  static final String TOO_LARGE = "too_large";

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** Why a location could not be fetched, in upstream's failure words. */
  record Failure(
      String failure, String message, Integer statusCode, Long contentLength, String contentType) {

    static Failure of(String failure, String message) {
      return new Failure(failure, message, null, null, null);
    }
  }

  /** The head of a successful response (fast mode). */
  record Head(int statusCode, Long contentLength, String contentType) {}

  /**
   * A fetched body, already on disk.
   *
   * @param statusCode {@code null} for {@code file} URLs
   * @param contentLength the declared length ({@code Content-Length}, or the file size)
   * @param size the bytes received
   * @param hash the bare BLAKE3 hex of the bytes received
   */
  record Body(Integer statusCode, Long contentLength, String contentType, long size, String hash) {}

  /** Either a value or a failure. */
  record Outcome<T>(T value, Failure failure) {
    boolean ok() {
      return failure == null;
    }
  }

  /** Raised by our own sink when a body passes its limit; the port rethrows it unchanged. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("more than " + limit + " bytes");
    }
  }

  private final HttpFetcher http;
  private final Hasher hasher;
  private final Duration timeout;
  private final TransferPace pace;

  /**
   * @param timeout the longest wait for each response's head
   * @param pace how slowly each body may arrive (no cap on a steady body's total time)
   */
  Fetch(HttpFetcher http, Hasher hasher, Duration timeout, TransferPace pace) {
    this.http = http;
    this.hasher = hasher;
    this.timeout = timeout;
    this.pace = pace;
  }

  /** {@code HEAD} (following checked redirects); failures as fast mode reports them. */
  Outcome<Head> head(String url) {
    Outcome<HttpReply> reply =
        exchange("HEAD", url, r -> HttpFetcher.BodySink.discard(), "head_failed");
    if (!reply.ok()) {
      return new Outcome<>(null, reply.failure());
    }
    HttpReply head = reply.value();
    return new Outcome<>(new Head(head.status(), contentLength(head), contentType(head)), null);
  }

  /**
   * Fetches {@code url} into {@code target}, hashing as it goes.
   *
   * @param limit the most bytes accepted: a larger {@code Content-Length} is refused before the
   *     body, and a body that grows past it is cut off; both end as {@link #TOO_LARGE}
   */
  Outcome<Body> get(String url, Path target, long limit) throws IOException {
    String scheme = ManifestUrls.scheme(url);
    if (scheme.equals("file")) {
      Path file = ManifestUrls.localPath(url);
      if (file == null) {
        return new Outcome<>(null, Failure.of("missing", "not a usable file path: " + url));
      }
      if (!Files.isRegularFile(file)) {
        return new Outcome<>(null, Failure.of("missing", "file not found: " + file));
      }
      Hasher.HashStream hash = hasher.start();
      long size;
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = Files.newOutputStream(target)) {
        // A local file's size is known and it cannot grow without end, so it is read whole,
        // which lets a size mismatch report the actual size and hash as upstream does.
        LimitedSink sink = new LimitedSink(out, hash, Long.MAX_VALUE);
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sink.write(buffer, 0, n);
        }
        size = sink.count;
      } catch (TooLarge e) {
        return new Outcome<>(
            null, new Failure(TOO_LARGE, e.getMessage(), null, Files.size(file), null));
      } catch (NoSuchFileException e) {
        return new Outcome<>(null, Failure.of("missing", "file not found: " + file));
      }
      return new Outcome<>(new Body(null, size, null, size, hash.finishHex()), null);
    }
    Hasher.HashStream hash = hasher.start();
    try (OutputStream out = Files.newOutputStream(target)) {
      LimitedSink sink = new LimitedSink(out, hash, limit);
      Outcome<HttpReply> reply =
          exchange(
              "GET",
              url,
              head -> {
                Long declared = contentLength(head);
                if (declared != null && declared > limit) {
                  throw new TooLarge(limit);
                }
                return sink;
              },
              "download_failed");
      if (!reply.ok()) {
        return new Outcome<>(null, reply.failure());
      }
      HttpReply head = reply.value();
      out.flush();
      return new Outcome<>(
          new Body(
              head.status(), contentLength(head), contentType(head), sink.count, hash.finishHex()),
          null);
    }
  }

  /**
   * One request and its redirects. The body handler is only asked for the final 2xx response;
   * redirects and errors are discarded. A body over its limit ends as the failure {@code
   * too_large}, which the caller words for its kind of file.
   */
  private Outcome<HttpReply> exchange(
      String method, String url, HttpFetcher.BodyHandler body, String transportFailure) {
    String current = url;
    for (int hop = 0; ; hop++) {
      Failure refused = refuse(current, hop > 0 ? url : null);
      if (refused != null) {
        return new Outcome<>(null, refused);
      }
      URI uri;
      try {
        uri = new URI(current);
      } catch (URISyntaxException e) {
        return new Outcome<>(
            null, Failure.of(transportFailure, "invalid URL " + current + ": " + e.getReason()));
      }
      if (uri.getHost() == null) {
        return new Outcome<>(
            null, Failure.of(transportFailure, "invalid URL " + current + ": no host"));
      }
      HttpReply[] head = new HttpReply[1];
      HttpReply reply;
      try {
        reply =
            http.fetch(
                new HttpCall(method, uri, Map.of("User-Agent", USER_AGENT), timeout, pace),
                received -> {
                  head[0] = received;
                  return received.status() >= 200 && received.status() < 300
                      ? body.open(received)
                      : HttpFetcher.BodySink.discard();
                });
      } catch (TooLarge e) {
        HttpReply received = head[0];
        return new Outcome<>(
            null,
            new Failure(
                TOO_LARGE,
                e.getMessage(),
                received == null ? null : received.status(),
                received == null ? null : contentLength(received),
                received == null ? null : contentType(received)));
      } catch (IOException e) {
        return new Outcome<>(null, Failure.of(transportFailure, describe(method, current, e)));
      } catch (IllegalArgumentException e) {
        // A URI the HTTP client refuses (an odd host or port): this location fails, not the run.
        return new Outcome<>(
            null,
            Failure.of(transportFailure, method + " " + current + " refused: " + e.getMessage()));
      }
      int status = reply.status();
      if (REDIRECTS.contains(status) && reply.header("Location").isPresent()) {
        if (hop >= MAX_REDIRECTS) {
          return new Outcome<>(
              null,
              Failure.of(
                  transportFailure,
                  "too many redirects (more than " + MAX_REDIRECTS + ") from " + url));
        }
        String location = reply.header("Location").get().strip();
        try {
          current = uri.resolve(new URI(location)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
          // A hostile or broken Location (a backslash in the authority): this fetch fails.
          return new Outcome<>(
              null,
              Failure.of(
                  transportFailure,
                  "redirect from " + current + " to an invalid location refused: " + location));
        }
        continue;
      }
      if (status >= 400 || (status >= 300 && method.equals("GET"))) {
        return new Outcome<>(
            null,
            new Failure(
                status == 404 ? "missing" : "http_error",
                "HTTP Error " + status + ": " + HttpStatusPhrases.of(status),
                status,
                contentLength(reply),
                contentType(reply)));
      }
      return new Outcome<>(reply, null);
    }
  }

  /** The URL policy; {@code origin} is set when {@code url} came from a redirect. */
  private static Failure refuse(String url, String origin) {
    String scheme = ManifestUrls.scheme(url);
    String via = origin == null ? "" : "redirect from " + origin + " to " + url + " refused: ";
    if (scheme.equals("https")) {
      return null;
    }
    if (scheme.equals("http")) {
      return ManifestUrls.isLoopback(ManifestUrls.host(url))
          ? null
          : Failure.of(
              "invalid_scheme",
              via + "http:// is only allowed for loopback hosts (got " + url + ")");
    }
    return Failure.of(
        "invalid_scheme",
        origin == null
            ? "unsupported manifest URL scheme: " + scheme
            : via + "unsupported scheme " + scheme);
  }

  private static String describe(String method, String url, IOException e) {
    String reason =
        e.getMessage() == null || e.getMessage().isBlank()
            ? e.getClass().getSimpleName()
            : e.getMessage();
    return method + " " + url + " failed: " + reason;
  }

  static Long contentLength(HttpReply reply) {
    return reply
        .header("Content-Length")
        .map(String::strip)
        .filter(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit) && v.length() < 19)
        .map(Long::parseLong)
        .orElse(null);
  }

  static String contentType(HttpReply reply) {
    return reply
        .header("Content-Type")
        .map(v -> v.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT))
        .orElse(null);
  }

  /** Writes to disk and to the hash, counting, and refuses the byte after the limit. */
  static final class LimitedSink implements HttpFetcher.BodySink {
    private final OutputStream out;
    private final Hasher.HashStream hash;
    private final long limit;
    private long count;

    LimitedSink(OutputStream out, Hasher.HashStream hash, long limit) {
      this.out = out;
      this.hash = hash;
      this.limit = limit;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
      if (count + length > limit) {
        throw new TooLarge(limit);
      }
      out.write(data, offset, length);
      hash.update(data, offset, length);
      count += length;
    }
  }
}
