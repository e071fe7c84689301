package dev.capsem.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import dev.capsem.core.ports.TransferPace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a loopback server: streaming, no redirects, aborts, and the timeout. */
class JdkHttpFetcherTest {

  private HttpServer server;
  private final HttpFetcher http = Http.fetcher();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hello",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().set("Location", "/hello");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/stall",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write('x');
            out.flush();
            Thread.sleep(5_000);
          } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.createContext(
        "/trickle",
        exchange -> {
          // 60,000 bytes at about 12 kB/s: five seconds, steadily.
          exchange.sendResponseHeaders(200, 60_000);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
              out.write(new byte[1000]);
              out.flush();
              Thread.sleep(80);
            }
          } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.createContext(
        "/drip",
        exchange -> {
          // One byte every 200 ms: never idle for long, but 5 bytes/s.
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(200);
            }
          } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpCall get(String path, Duration timeout) {
    return new HttpCall(
        "GET",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
        Map.of("User-Agent", "test"),
        timeout);
  }

  @Test
  void fetch_streamsTheBodyToTheSinkAndGivesTheHead() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    HttpReply reply = http.fetch(get("/hello", Duration.ofSeconds(5)), head -> body::write);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void fetch_redirect_isReturnedNotFollowed() throws IOException {
    HttpReply reply =
        http.fetch(get("/moved", Duration.ofSeconds(5)), head -> HttpFetcher.BodySink.discard());
    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.header("Location")).contains("/hello");
  }

  @Test
  void fetch_sinkException_comesOutUnchanged() {
    IOException mine = new IOException("too much");
    assertThatThrownBy(
            () ->
                http.fetch(
                    get("/hello", Duration.ofSeconds(5)),
                    head ->
                        (data, offset, length) -> {
                          throw mine;
                        }))
        .isSameAs(mine);
  }

  @Test
  void fetch_handlerRefusal_comesOutUnchanged() {
    IOException mine = new IOException("declared length too large");
    assertThatThrownBy(
            () ->
                http.fetch(
                    get("/hello", Duration.ofSeconds(5)),
                    head -> {
                      throw mine;
                    }))
        .isSameAs(mine);
  }

  @Test
  void fetch_bodyStallingPastTheTimeout_isCutOff() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                http.fetch(
                    get("/stall", Duration.ofMillis(700)), head -> HttpFetcher.BodySink.discard()))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  private HttpCall get(String path, Duration timeout, TransferPace pace) {
    return new HttpCall(
        "GET",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
        Map.of("User-Agent", "test"),
        timeout,
        pace);
  }

  @Test
  void fetch_steadyBodyLongerThanTheTimeout_arrivesWhole() throws IOException {
    // Issue 15, finding 4: a steady body may take longer than the request timeout (then a total
    // cap that cut 6 MB at 150 kB/s); the timeout bounds the head, the pace the body.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long start = System.nanoTime();

    HttpReply reply =
        http.fetch(
            get(
                "/trickle",
                Duration.ofSeconds(2),
                new TransferPace(Duration.ofMillis(500), 5_000, Duration.ofSeconds(1))),
            head -> body::write);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(body.size()).isEqualTo(60_000);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(4));
  }

  @Test
  void fetch_bodyBelowTheMinimumRate_isCutOffAfterTheWindow() {
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                http.fetch(
                    get(
                        "/drip",
                        Duration.ofSeconds(5),
                        new TransferPace(Duration.ofSeconds(5), 1_000, Duration.ofSeconds(1))),
                    head -> HttpFetcher.BodySink.discard()))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("slower than 1000 bytes/s over 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void fetch_noServer_failsAtOnceNotAfterTheTimeout() throws IOException {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                http.fetch(
                    new HttpCall(
                        "GET",
                        URI.create("http://127.0.0.1:" + port + "/x"),
                        Map.of(),
                        Duration.ofSeconds(20)),
                    head -> HttpFetcher.BodySink.discard()))
        .isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
