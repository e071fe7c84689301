package dev.capsem.adapters;

import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.testing.HttpServerFetcherContract;
import dev.capsem.core.testing.LoopbackServer;
import dev.capsem.core.testing.TestSite;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The fetcher contract against the fetcher the faces get (made on first use), on a real server. */
class StandardPortsHttpFetcherContractTest extends HttpServerFetcherContract {

  private final HttpFetcher fetcher = StandardPorts.builder(Map.of()).build().http();
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
