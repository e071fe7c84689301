package dev.capsem.core.ports;

import java.time.Instant;
import java.util.Objects;

/**
 * Makes a self-signed certificate authority: the project CA a build uses when the operator gives
 * none (the guest trusts it; Capsem's TLS proxy signs with its key).
 */
public interface CaGenerator {

  /**
   * A new CA with a fresh key pair.
   *
   * @param commonName the subject's and issuer's CN
   * @param notBefore the start of its validity (the build's clock, so a rebuild is dated alike)
   * @param days how long it is valid
   */
  GeneratedCa generate(String commonName, Instant notBefore, int days);

  /**
   * A CA as PEM texts.
   *
   * @param certificatePem {@code -----BEGIN CERTIFICATE-----}, a v3 certificate with {@code
   *     basicConstraints CA:TRUE}
   * @param privateKeyPem {@code -----BEGIN PRIVATE KEY-----} (PKCS#8)
   */
  record GeneratedCa(String certificatePem, String privateKeyPem) {
    public GeneratedCa {
      Objects.requireNonNull(certificatePem, "certificatePem");
      Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
      return "GeneratedCa[" + certificatePem.strip() + "]";
    }
  }
}
