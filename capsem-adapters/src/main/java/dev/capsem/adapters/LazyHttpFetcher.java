package dev.capsem.adapters;

import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Creates the real fetcher on the first request. Building the JDK's HTTP client initialises TLS
 * (providers, trust store, cipher suites): about a third of a second of start-up and several
 * hundred classes that most commands, {@code hash} among them, never use.
 */
final class LazyHttpFetcher implements HttpFetcher {

  private final Supplier<HttpFetcher> factory;
  private HttpFetcher fetcher;

  LazyHttpFetcher(Supplier<HttpFetcher> factory) {
    this.factory = factory;
  }

  @Override
  public HttpReply fetch(HttpCall call, BodyHandler handler) throws IOException {
    return fetcher().fetch(call, handler);
  }

  private synchronized HttpFetcher fetcher() {
    if (fetcher == null) {
      fetcher = factory.get();
    }
    return fetcher;
  }
}
