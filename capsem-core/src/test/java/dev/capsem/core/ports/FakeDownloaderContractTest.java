package dev.capsem.core.ports;

import dev.capsem.core.testing.DownloaderContract;
import dev.capsem.core.testing.FakeWeb;
import dev.capsem.core.testing.TestSite;
import java.net.URI;

/** The in-memory downloader keeps the contract the real one keeps. */
class FakeDownloaderContractTest extends DownloaderContract {

  private final FakeWeb web = new FakeWeb();

  @Override
  protected Downloader downloader() {
    return web.downloader();
  }

  @Override
  protected TestSite site() {
    return web;
  }

  @Override
  protected URI unreachable() {
    return FakeWeb.unreachable();
  }
}
