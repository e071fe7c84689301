package dev.capsem.http;

import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.testing.HttpServerFetcherContract;
import dev.capsem.core.testing.LoopbackServer;
import dev.capsem.core.testing.TestSite;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The fetcher contract against a real HTTP server on the loopback interface. */
class JdkHttpFetcherContractTest extends HttpServerFetcherContract {

  private final HttpFetcher fetcher = Http.fetcher();
  private LoopbackServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected HttpFetcher fetcher() {
    return fetcher;
  }

  @Override
  protected TestSite site() {
    return server;
  }

  @Override
  protected URI unreachable() throws IOException {
    return LoopbackServer.unreachable();
  }
}
