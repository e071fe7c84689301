package dev.capsem.docker.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The TLS trust of the registry adapter: the JDK's CAs, plus the operator's when given. */
final class TrustContexts {

  private TrustContexts() {}

  /** The JDK's trust, extended by the certificates in {@code trust} (PEM or a key store). */
  static SSLContext of(Path trust, char[] password) throws IOException {
    try {
      X509TrustManager system = trustManager(null);
      if (trust == null) {
        return context(system);
      }
      X509TrustManager extra = trustManager(load(trust, password));
      return context(new EitherTrustManager(system, extra));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the trust store " + trust + ": " + e.getMessage(), e);
    }
  }

  /**
   * A context that accepts any certificate, for jib's unverified fallback (only reached for
   * loopback registries or with the explicit insecure opt-in).
   */
  static SSLContext trustingAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyCertificate()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS", e);
    }
  }

  private static KeyStore load(Path trust, char[] password)
      throws IOException, GeneralSecurityException {
    byte[] head;
    try (InputStream in = Files.newInputStream(trust)) {
      head = in.readNBytes(64);
    }
    if (new String(head, StandardCharsets.US_ASCII).contains("-----BEGIN")) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      List<Certificate> certificates = new ArrayList<>();
      try (InputStream in = Files.newInputStream(trust)) {
        certificates.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
      }
      if (certificates.isEmpty()) {
        throw new CertificateException("no certificate in " + trust);
      }
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("capsem-" + i, certificates.get(i));
      }
      return store;
    }
    return KeyStore.getInstance(trust.toFile(), password);
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  private static SSLContext context(X509TrustManager manager) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {manager}, null);
    return context;
  }

  /** Trusts what the JDK trusts, or else what the operator's store trusts. */
  private record EitherTrustManager(X509TrustManager first, X509TrustManager second)
      implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        first.checkClientTrusted(chain, authType);
      } catch (CertificateException e) {
        second.checkClientTrusted(chain, authType);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = first.getAcceptedIssuers();
      X509Certificate[] b = second.getAcceptedIssuers();
      X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }

  /** jib's unverified fallback, as jib's own insecure transport does it. */
  private static final class AnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
