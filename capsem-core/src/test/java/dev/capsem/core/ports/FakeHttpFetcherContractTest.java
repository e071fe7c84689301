package dev.capsem.core.ports;

import dev.capsem.core.testing.FakeWeb;
import dev.capsem.core.testing.HttpServerFetcherContract;
import dev.capsem.core.testing.TestSite;
import java.net.URI;

/** The in-memory fetcher keeps the contract the JDK client adapter keeps against a real server. */
class FakeHttpFetcherContractTest extends HttpServerFetcherContract {

  private final FakeWeb web = new FakeWeb();

  @Override
  protected HttpFetcher fetcher() {
    return web.fetcher();
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
