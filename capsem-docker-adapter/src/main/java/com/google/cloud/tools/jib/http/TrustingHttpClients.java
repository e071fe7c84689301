package com.google.cloud.tools.jib.http;

import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.cloud.tools.jib.api.LogEvent;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

/**
 * capsem's bridge into jib-core: {@link FailoverHttpClient}'s public constructor always trusts the
 * JVM-wide default {@code SSLContext}, and only its package-private constructor takes the
 * transports. Living in jib's package, this class passes a transport with the adapter's own trust
 * (a corporate CA, a test's self-signed certificate) without changing JVM-wide state. Nothing else
 * of jib is touched; a jib upgrade that changes that constructor fails this file's compilation.
 */
public final class TrustingHttpClients {

  private TrustingHttpClients() {}

  /**
   * A jib HTTP client whose HTTPS connections trust {@code trust}.
   *
   * @param failover whether jib may fall back to HTTPS without verification and then plain HTTP
   *     (only for loopback registries or an explicit insecure opt-in)
   * @param sendAuthorizationOverHttp whether credentials may travel over that plain HTTP
   * @param insecure the context the unverified fallback uses
   */
  public static FailoverHttpClient create(
      SSLContext trust,
      boolean failover,
      boolean sendAuthorizationOverHttp,
      SSLContext insecure,
      Consumer<LogEvent> logger) {
    return new FailoverHttpClient(
        failover,
        sendAuthorizationOverHttp,
        logger,
        () ->
            new ApacheHttpTransport(
                ApacheHttpTransport.newDefaultHttpClientBuilder()
                    .setSSLSocketFactory(new SSLConnectionSocketFactory(trust))
                    .build()),
        () ->
            new ApacheHttpTransport(
                ApacheHttpTransport.newDefaultHttpClientBuilder()
                    .setSSLSocketFactory(
                        new SSLConnectionSocketFactory(insecure, NoopHostnameVerifier.INSTANCE))
                    .build()),
        true);
  }
}
