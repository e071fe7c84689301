package dev.capsem.signing;

import java.nio.ByteOrder;

/**
 * Picks the {@link ManyHasher} for the running JVM. The Vector API version is compiled separately
 * (with {@code --add-modules jdk.incubator.vector}) and only loaded, by name, when the boot layer
 * holds the incubator module; a plain JDK 17 never touches that class, so the jar needs no JVM
 * flag.
 */
final class ManyHashers {

  static final String VECTOR_CLASS = "dev.capsem.signing.VectorManyHasher";

  private ManyHashers() {}

  static ManyHasher scalar() {
    return new ScalarManyHasher();
  }

  static ManyHasher lockstep() {
    return new LockstepManyHasher();
  }

  /** By name, for the benchmark: {@code scalar}, {@code lockstep} or {@code vector}. */
  static ManyHasher named(String name) {
    switch (name) {
      case "scalar":
        return scalar();
      case "lockstep":
        return lockstep();
      case "vector":
        ManyHasher vector = vectorOrNull();
        if (vector == null) {
          throw new IllegalArgumentException(
              "the vector engine needs --add-modules jdk.incubator.vector and int vectors of 4 to"
                  + " 16 lanes");
        }
        return vector;
      default:
        throw new IllegalArgumentException(
            "unknown engine '" + name + "'; use scalar, lockstep or vector");
    }
  }

  /**
   * The lockstep engine, even where the Vector API one loads. Measured (bench/hash.sh, JDK 17 and
   * 25, AVX-512): once compiled, the Vector API engine takes about 15% (JDK 17) to 40% (JDK 25)
   * less CPU time per byte than the 256-lane lockstep one, but getting there costs a fresh JVM one
   * to two seconds of CPU time: hundreds of Vector API methods run interpreted and are compiled one
   * by one before the kernel itself is. That is more than it saves on a 1 GiB file, and the module
   * is only there when the user adds it with {@code --add-modules jdk.incubator.vector}.
   */
  static ManyHasher fastest() {
    return lockstep();
  }

  /**
   * The Vector API engine, or null when the incubator module is missing (it is only there with
   * {@code --add-modules jdk.incubator.vector}) or the hardware has no use for it.
   */
  static ManyHasher vectorOrNull() {
    // Lanes are filled by reinterpreting bytes, which follows the platform's byte order.
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return null;
    }
    try {
      ManyHasher vector =
          (ManyHasher)
              Class.forName(VECTOR_CLASS, true, ManyHashers.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
      return vector.degree() > 1 ? vector : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      // A JDK whose incubating API no longer matches the compiled class: the others still work.
      return null;
    }
  }
}
