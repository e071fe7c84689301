package dev.capsem.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server over a folder, where any path can be made to misbehave: other bytes, a
 * lying or missing length, an endless body, a status, a redirect. Requests are recorded.
 */
final class CatalogServer implements AutoCloseable {

  /** How one path answers instead of serving its file. */
  @FunctionalInterface
  interface Answer {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Path root;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();

  CatalogServer(Path root) throws IOException {
    this.root = root;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    try (exchange) {
      Answer answer = answers.get(path);
      if (answer != null) {
        answer.handle(exchange);
        return;
      }
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      body(exchange, 200, Files.readAllBytes(file));
    }
  }

  /** Sends {@code bytes} with a truthful length ({@code -1} for HEAD). */
  static void body(HttpExchange exchange, int status, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (!head && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Sends a chunked body (no length) of {@code total} bytes, stopping early if the client goes. */
  static void endless(HttpExchange exchange, long total) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] piece = new byte[8192];
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < total; sent += piece.length) {
        out.write(piece);
      }
    } catch (IOException clientWentAway) {
      // Expected: the checker cuts the body off at the declared size.
    }
  }

  static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
