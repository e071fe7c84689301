package dev.capsem.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on the loopback interface (the JDK's {@code com.sun.net.httpserver}), for the
 * contract tests of real HTTP adapters. Unknown paths answer {@code 404}. Close it after the test:
 * closing also ends the stalled responses.
 */
public final class LoopbackServer implements TestSite, AutoCloseable {

  /** How long a stalled response waits at most when nobody closes the server. */
  private static final long STALL_LIMIT_SECONDS = 60;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, ServedResponse> responses = new ConcurrentHashMap<>();
  private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private LoopbackServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start() throws IOException {
    return new LoopbackServer(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public URI serve(String path, ServedResponse response) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with /: " + path);
    }
    responses.put(path, response);
    return base().resolve(path);
  }

  @Override
  public List<Request> received(String path) {
    return List.copyOf(requests.getOrDefault(path, List.of()));
  }

  /** A URL on a loopback port that nothing listens on: connecting is refused. */
  public static URI unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/capsem-contract/unreachable");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    requests
        .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
        .add(new Request(exchange.getRequestMethod(), headers));
    ServedResponse response = responses.getOrDefault(path, ServedResponse.status(404));
    try (exchange) {
      answer(exchange, response);
    }
  }

  private void answer(HttpExchange exchange, ServedResponse response) throws IOException {
    response
        .headers()
        .forEach(
            (name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
    byte[] body = response.body();
    int status = response.status();
    if (exchange.getRequestMethod().equals("HEAD")) {
      // The JDK server drops the length of a HEAD reply unless it is set by hand.
      if (status != 204 && status != 304) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      }
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    if (body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    OutputStream out = exchange.getResponseBody();
    switch (response.trouble()) {
      case NONE -> out.write(body);
      case STALLS -> {
        out.write(body, 0, 1);
        out.flush();
        try {
          closing.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("stalled on purpose");
      }
      case CUT_SHORT -> {
        out.write(body, 0, body.length / 2);
        out.flush();
        // Failing the handler makes the server drop the connection mid-body.
        throw new IOException("cut short on purpose");
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
