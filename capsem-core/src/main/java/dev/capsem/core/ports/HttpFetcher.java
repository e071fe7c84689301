package dev.capsem.core.ports;

import java.io.IOException;

/**
 * Sends one HTTP request and streams the response body to a sink. Implementations follow no
 * redirects and apply no URL policy: the domain decides which URLs and redirects are acceptable
 * (https, or http on loopback only), so that the rule is the same whatever the adapter. The
 * request's timeout bounds the wait for the head; its {@link TransferPace} governs the body (an
 * idle timeout and a minimum rate, no total cap).
 */
public interface HttpFetcher {

  /**
   * Sends {@code call}. Once the status line and headers have arrived, {@code handler} chooses
   * where the body goes; each received piece is written to that sink, in order, from one thread at
   * a time.
   *
   * @return the status and headers, after the whole body has been written to the sink
   * @throws IOException when the exchange fails, the head does not come in time or the body breaks
   *     the pace (a timeout exception); an {@link IOException} thrown by the handler or the sink
   *     aborts the exchange and is rethrown as the same instance
   */
  HttpReply fetch(HttpCall call, BodyHandler handler) throws IOException;

  /** Chooses the body's destination once the reply's head is known. */
  @FunctionalInterface
  interface BodyHandler {

    /**
     * @throws IOException to refuse the body (e.g. a declared length over the limit); the exchange
     *     is aborted
     */
    BodySink open(HttpReply reply) throws IOException;
  }

  /** Receives the body piece by piece. */
  @FunctionalInterface
  interface BodySink {

    /**
     * @throws IOException to abort the exchange (e.g. more bytes than allowed)
     */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Throws the body away (redirects, errors, {@code HEAD}). */
    static BodySink discard() {
      return (data, offset, length) -> {};
    }
  }
}
