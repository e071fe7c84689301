package dev.capsem.signing;

import dev.capsem.core.ports.CaGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;

/**
 * A self-signed X.509 v3 CA on an ECDSA P-256 key, its DER written here: the JDK signs and parses
 * certificates but has no public API to make one, and BouncyCastle's certificate builder (bcpkix)
 * would be a second BouncyCastle artifact for thirty lines of DER.
 */
final class JdkCaGenerator implements CaGenerator {

  private static final byte[] ECDSA_WITH_SHA256 = {
    0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02
  };
  private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
  private static final byte[] BASIC_CONSTRAINTS = {0x55, 0x1D, 0x13};
  private static final byte[] KEY_USAGE = {0x55, 0x1D, 0x0F};
  private static final byte[] SUBJECT_KEY_ID = {0x55, 0x1D, 0x0E};

  // Made on first use, as the randomness below: every command builds this generator at start-up,
  // and few make a CA.
  private static final class Times {
    static final DateTimeFormatter UTC_TIME =
        DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter GENERALIZED_TIME =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  }

  @Override
  public GeneratedCa generate(String commonName, Instant notBefore, int days) {
    SecureRandom random = new SecureRandom();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = generator.generateKeyPair();
      byte[] name = seq(set(seq(oid(COMMON_NAME), tlv(0x0C, utf8(commonName)))));
      Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
      byte[] spki = pair.getPublic().getEncoded();
      byte[] tbs =
          seq(
              tlv(0xA0, integer(new byte[] {2})),
              integer(serial(random)),
              seq(oid(ECDSA_WITH_SHA256)),
              name,
              seq(time(start), time(start.plus(days, ChronoUnit.DAYS))),
              name,
              spki,
              tlv(
                  0xA3,
                  seq(
                      extension(BASIC_CONSTRAINTS, true, seq(tlv(0x01, new byte[] {(byte) 0xFF}))),
                      // keyCertSign and cRLSign: bits 5 and 6, one unused bit.
                      extension(KEY_USAGE, true, tlv(0x03, new byte[] {1, 0x06})),
                      extension(
                          SUBJECT_KEY_ID,
                          false,
                          tlv(0x04, MessageDigest.getInstance("SHA-1").digest(spki))))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(pair.getPrivate(), random);
      signer.update(tbs);
      byte[] certificate = seq(tbs, seq(oid(ECDSA_WITH_SHA256)), bitString(signer.sign()));
      return new GeneratedCa(
          pem("CERTIFICATE", certificate), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make an ECDSA P-256 certificate", e);
    }
  }

  private static byte[] serial(SecureRandom random) {
    byte[] serial = new byte[16];
    random.nextBytes(serial);
    serial[0] = (byte) ((serial[0] & 0x7F) | 0x40); // positive, 16 bytes, no leading zero
    return serial;
  }

  private static byte[] extension(byte[] id, boolean critical, byte[] value) {
    return critical
        ? seq(oid(id), tlv(0x01, new byte[] {(byte) 0xFF}), tlv(0x04, value))
        : seq(oid(id), tlv(0x04, value));
  }

  /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime after. */
  private static byte[] time(Instant instant) {
    boolean utc = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
    return utc
        ? tlv(0x17, Times.UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
        : tlv(0x18, Times.GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] oid(byte[] encoded) {
    return tlv(0x06, encoded);
  }

  private static byte[] integer(byte[] value) {
    return tlv(0x02, value);
  }

  private static byte[] bitString(byte[] bytes) {
    byte[] content = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, content, 1, bytes.length);
    return tlv(0x03, content);
  }

  private static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** DER: tag, definite length (short or long form), content. */
  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
