package dev.capsem.http;

import dev.capsem.core.ports.HttpFetcher;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The entry point of this adapter.
 *
 * <pre>{@code
 * HttpFetcher http = Http.fetcher();
 * }</pre>
 */
public final class Http {

  /** How long connecting may take; each request's own timeout bounds the whole exchange. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private Http() {}

  /**
   * A fetcher on a new JDK client that follows no redirects (the core decides which to follow) and
   * honours the JVM's proxy settings ({@code https.proxyHost}, ...).
   */
  public static HttpFetcher fetcher() {
    return new JdkHttpFetcher(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .proxy(ProxySelector.getDefault())
            .build());
  }
}
