package dev.capsem.signing;

/** Picks the {@link ManyHasher} for the running JVM. */
final class ManyHashers {

  private ManyHashers() {}

  static ManyHasher scalar() {
    return new ScalarManyHasher();
  }

  static ManyHasher lockstep() {
    return new LockstepManyHasher();
  }

  /** Lockstep hashing: SIMD through C2's auto-vectorizer on any JDK. */
  static ManyHasher fastest() {
    return lockstep();
  }
}
