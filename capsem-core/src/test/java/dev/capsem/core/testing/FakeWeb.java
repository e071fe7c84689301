package dev.capsem.core.testing;

import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The web as a core test sees it: an in-memory site at {@code http://fake.test} with an {@link
 * HttpFetcher} and a {@link Downloader} in front of it, nothing on the network. Unknown paths
 * answer {@code 404}; other hosts cannot be reached. A stalled body ends as the request's timeout
 * would end it, at once.
 */
public final class FakeWeb implements TestSite {

  /** Where the site lives. */
  public static final URI BASE = URI.create("http://fake.test");

  /** The size of the pieces a body is handed to a sink in. */
  private static final int PIECE = 64 * 1024;

  private final Map<String, ServedResponse> responses = new ConcurrentHashMap<>();
  private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();

  @Override
  public URI serve(String path, ServedResponse response) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with /: " + path);
    }
    responses.put(path, response);
    return BASE.resolve(path);
  }

  @Override
  public List<Request> received(String path) {
    return List.copyOf(requests.getOrDefault(path, List.of()));
  }

  /** A URL no fake request reaches. */
  public static URI unreachable() {
    return URI.create("http://unreachable.fake.test/capsem-contract/unreachable");
  }

  /** A fetcher that, like the port asks, follows no redirect. */
  public HttpFetcher fetcher() {
    return this::fetch;
  }

  /** A downloader that fails on any status but 2xx, naming the URL. */
  public Downloader downloader() {
    return new Downloader() {
      @Override
      public byte[] get(URI url, Duration timeout) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        receive(url, body::write);
        return body.toByteArray();
      }

      @Override
      public void download(URI url, Path target, Duration timeout) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID());
        try {
          try (var out = Files.newOutputStream(partial)) {
            receive(url, out::write);
          }
          Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(partial);
        }
      }
    };
  }

  /** A GET whose 2xx body goes to {@code sink}; any other status or failure names the URL. */
  private void receive(URI url, HttpFetcher.BodySink sink) throws IOException {
    HttpCall call = new HttpCall("GET", url, Map.of("User-Agent", "fake"), Duration.ofMinutes(1));
    HttpReply reply;
    try {
      reply = fetch(call, head -> head.status() / 100 == 2 ? sink : HttpFetcher.BodySink.discard());
    } catch (IOException e) {
      throw new IOException("cannot fetch " + url + ": " + e.getMessage(), e);
    }
    if (reply.status() / 100 != 2) {
      throw new IOException("HTTP " + reply.status() + " for " + url);
    }
  }

  private HttpReply fetch(HttpCall call, HttpFetcher.BodyHandler handler) throws IOException {
    URI uri = call.uri();
    if (!BASE.getHost().equals(uri.getHost())) {
      throw new ConnectException("cannot reach " + uri);
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    Map<String, String> headers = new LinkedHashMap<>();
    call.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    requests
        .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
        .add(new Request(call.method(), headers));
    ServedResponse response = responses.getOrDefault(path, ServedResponse.status(404));
    byte[] body = response.body();
    Map<String, List<String>> head = new LinkedHashMap<>(response.headers());
    if (response.status() != 204 && response.status() != 304) {
      head.put("Content-Length", List.of(Integer.toString(body.length)));
    }
    HttpReply reply = new HttpReply(response.status(), head);
    HttpFetcher.BodySink sink = handler.open(reply);
    if (call.method().equals("HEAD")) {
      return reply;
    }
    int end =
        switch (response.trouble()) {
          case NONE -> body.length;
          case STALLS -> Math.min(1, body.length);
          case CUT_SHORT -> body.length / 2;
        };
    for (int from = 0; from < end; from += PIECE) {
      sink.write(body, from, Math.min(PIECE, end - from));
    }
    switch (response.trouble()) {
      case STALLS ->
          throw new HttpTimeoutException(
              call.method() + " " + uri + " timed out after " + call.timeout().toSeconds() + " s");
      case CUT_SHORT ->
          throw new IOException(
              "connection closed after " + end + " of " + body.length + " bytes of " + uri);
      case NONE -> {}
    }
    return reply;
  }

  /** Paths served so far, for debugging a failed test. */
  @Override
  public String toString() {
    return "FakeWeb" + new ArrayList<>(responses.keySet());
  }
}
