package dev.capsem.docker;

import dev.capsem.core.ports.Downloader;
import dev.capsem.core.testing.DownloaderContract;
import dev.capsem.core.testing.LoopbackServer;
import dev.capsem.core.testing.TestSite;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The downloader contract against a real HTTP server on the loopback interface. */
class HttpDownloaderContractTest extends DownloaderContract {

  private final Downloader downloader = new HttpDownloader();
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
  protected Downloader downloader() {
    return downloader;
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
