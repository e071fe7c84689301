package dev.capsem.signing;

/** Picks the {@link ManyHasher} for the running JVM. */
final class ManyHashers {

  private ManyHashers() {}

  static ManyHasher scalar() {
    return new ScalarManyHasher();
  }

  static ManyHasher fastest() {
    return scalar();
  }
}
