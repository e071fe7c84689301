package dev.capsem.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capsem.core.ports.TransferPace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 4, for build inputs (a kernel source): a steady body may take longer than the
 * timeout, a stalled or trickling one is given up and leaves no file, against a loopback server
 * that trickles bytes.
 */
class HttpDownloaderTest {

  @TempDir Path dir;
  private HttpServer server;

  /** Idle 500 ms, at least 5,000 bytes/s over a second. */
  private final HttpDownloader downloads =
      new HttpDownloader(new TransferPace(Duration.ofMillis(500), 5_000, Duration.ofSeconds(1)));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/steady", exchange -> trickle(exchange, 60, 1000, 80));
    server.createContext("/stall", exchange -> trickle(exchange, 2, 1000, 5_000));
    server.createContext("/drip", exchange -> trickle(exchange, 100, 1, 200));
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void trickle(
      com.sun.net.httpserver.HttpExchange exchange, int pieces, int size, long pauseMillis)
      throws IOException {
    exchange.sendResponseHeaders(200, (long) pieces * size);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < pieces; i++) {
        out.write(new byte[size]);
        out.flush();
        Thread.sleep(pauseMillis);
      }
    } catch (InterruptedException | IOException gone) {
      Thread.currentThread().interrupt();
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void download_steadyBodyLongerThanTheTimeout_arrivesWhole() throws IOException {
    Path target = dir.resolve("linux.tar.xz");
    long start = System.nanoTime();

    downloads.download(url("/steady"), target, Duration.ofSeconds(2));

    assertThat(target).hasSize(60_000);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(4));
  }

  @Test
  void download_serverStallingMidBody_isGivenUpAndLeavesNoFile() {
    Path target = dir.resolve("linux.tar.xz");

    assertThatThrownBy(() -> downloads.download(url("/stall"), target, Duration.ofSeconds(5)))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("no data for 500 ms");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void download_serverTrickling_isGivenUpAfterTheWindowAndLeavesNoFile() throws Exception {
    Path target = dir.resolve("linux.tar.xz");
    Files.writeString(dir.resolve("linux.tar.xz.partial"), "left by a killed run");

    assertThatThrownBy(() -> downloads.download(url("/drip"), target, Duration.ofSeconds(5)))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("slower than 5000 bytes/s");
    assertThat(dir).isEmptyDirectory();
  }
}
