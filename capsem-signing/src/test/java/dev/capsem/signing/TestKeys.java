package dev.capsem.signing;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Repeatable keys for tests that do not need the conformance vectors. */
final class TestKeys {

  private TestKeys() {}

  /** A SecureRandom that gives the same bytes for the same seed (SHA1PRNG seeded before use). */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unencrypted key pair, the same for the same seed. */
  static GeneratedKeyPair unencrypted(long seed) {
    try {
      return Minisign.keyGenerator(seeded(seed)).generate(KeyProtection.unencrypted());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static SigningKey open(GeneratedKeyPair pair) {
    try {
      return Minisign.signer()
          .open(pair.secretKeyText().getBytes(StandardCharsets.US_ASCII), PasswordSource.none());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
