package dev.capsem.core.ports;

import java.nio.charset.StandardCharsets;

/** The two signature algorithms of the minisign format, named by their two-byte tag. */
public enum SignatureAlgorithm {
  /**
   * {@code ED}: Ed25519 over the BLAKE2b-512 digest of the payload. The only algorithm capsem
   * writes (decision D7), and the only one the upstream runtime accepts.
   */
  PREHASHED("ED"),
  /**
   * {@code Ed}: Ed25519 over the raw payload, written by {@code minisign -l} and minisign before
   * 0.8. Verified only when the caller opts in, because it needs the whole payload in memory.
   */
  LEGACY("Ed");

  private final String tag;

  SignatureAlgorithm(String tag) {
    this.tag = tag;
  }

  /** The two ASCII characters stored in the file ({@code ED} or {@code Ed}). */
  public String tag() {
    return tag;
  }

  /** The tag as the two bytes that open a decoded signature. */
  public byte[] tagBytes() {
    return tag.getBytes(StandardCharsets.US_ASCII);
  }
}
