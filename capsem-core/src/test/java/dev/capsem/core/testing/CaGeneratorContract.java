package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.CaGenerator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What every {@link CaGenerator} promises, checked with the JDK's own X.509 parser. */
public abstract class CaGeneratorContract {

  private static final Instant START = Instant.parse("2026-05-20T00:00:00Z");

  protected abstract CaGenerator generator();

  private X509Certificate certificate(CaGenerator.GeneratedCa ca) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(ca.certificatePem().getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void generate_anyName_isASelfSignedCaValidFromTheGivenTime() throws Exception {
    CaGenerator.GeneratedCa ca = generator().generate("capsem project CA (demo)", START, 3650);

    X509Certificate certificate = certificate(ca);
    certificate.verify(certificate.getPublicKey());
    assertThat(certificate.getSubjectX500Principal().getName())
        .isEqualTo("CN=capsem project CA (demo)");
    assertThat(certificate.getIssuerX500Principal())
        .isEqualTo(certificate.getSubjectX500Principal());
    assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(START);
    assertThat(certificate.getNotAfter().toInstant())
        .isEqualTo(Instant.parse("2036-05-17T00:00:00Z"));
    assertThat(certificate.getVersion()).isEqualTo(3);
  }

  @Test
  void generate_privateKey_signsWhatTheCertificateKeyVerifies() throws Exception {
    CaGenerator.GeneratedCa ca = generator().generate("capsem project CA", START, 30);

    String base64 =
        ca.privateKeyPem()
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    X509Certificate certificate = certificate(ca);
    PrivateKey key =
        KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
    assertThat(ca.toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void generate_twice_givesTwoKeys() throws Exception {
    CaGenerator.GeneratedCa first = generator().generate("capsem project CA", START, 30);
    CaGenerator.GeneratedCa second = generator().generate("capsem project CA", START, 30);

    assertThat(certificate(first).getPublicKey()).isNotEqualTo(certificate(second).getPublicKey());
    assertThat(certificate(first).getSerialNumber())
        .isNotEqualTo(certificate(second).getSerialNumber());
  }
}
