package dev.capsem.core.ports;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request.
 *
 * @param method {@code GET} or {@code HEAD}
 * @param uri an absolute {@code http} or {@code https} URI
 * @param headers request headers ({@code User-Agent}, {@code Accept})
 * @param timeout the longest the whole exchange may take, connection and body included
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, Duration timeout) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new IllegalArgumentException("method must be GET or HEAD: " + method);
    }
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }
}
