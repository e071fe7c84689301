package org.bouncycastle.crypto;

/** A stand-in named like BouncyCastle's type, so the architecture test can prove its rule bites. */
public interface Digest {}
