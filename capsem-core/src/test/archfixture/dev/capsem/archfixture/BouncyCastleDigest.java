package dev.capsem.archfixture;

/** A class that breaks the hexagon on purpose: it uses {@code org.bouncycastle.crypto.Digest}. */
public final class BouncyCastleDigest {
  org.bouncycastle.crypto.Digest used;
}
