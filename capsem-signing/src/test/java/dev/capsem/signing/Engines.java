package dev.capsem.signing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every {@link ManyHasher} this JVM can run. */
final class Engines {

  private Engines() {}

  static Map<String, ManyHasher> available() {
    Map<String, ManyHasher> engines = new LinkedHashMap<>();
    engines.put("scalar", ManyHashers.scalar());
    engines.put("lockstep", ManyHashers.lockstep());
    return engines;
  }
}
