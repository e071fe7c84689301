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
 * @param timeout the longest wait for the response's head (status and headers), connection included
 * @param pace how slowly the body may then arrive: an idle timeout and a minimum rate, never a
 *     total cap
 */
public record HttpCall(
    String method, URI uri, Map<String, String> headers, Duration timeout, TransferPace pace) {

  /** A call whose body may pause at most {@code timeout} between bytes. */
  public HttpCall(String method, URI uri, Map<String, String> headers, Duration timeout) {
    this(method, uri, headers, timeout, TransferPace.idle(timeout));
  }

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
    Objects.requireNonNull(pace, "pace");
  }
}
