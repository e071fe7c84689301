package dev.capsem.signing;

import dev.capsem.core.ports.CaGenerator;

/** The certificate adapters: the maker of a project CA. */
public final class Certificates {

  private Certificates() {}

  /** Self-signed ECDSA P-256 CAs, made with the JDK alone. */
  public static CaGenerator caGenerator() {
    return new JdkCaGenerator();
  }
}
