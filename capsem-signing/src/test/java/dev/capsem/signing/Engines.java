package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every {@link ManyHasher} this JVM can run. The Vector API one needs {@code --add-modules
 * jdk.incubator.vector}; the build's {@code vector-api} test run sets it and, through the system
 * property {@code capsem.test.vectorApi=required}, makes its absence a failure.
 */
final class Engines {

  private Engines() {}

  static Map<String, ManyHasher> available() {
    Map<String, ManyHasher> engines = new LinkedHashMap<>();
    engines.put("scalar", ManyHashers.scalar());
    engines.put("lockstep", ManyHashers.lockstep());
    ManyHasher vector = ManyHashers.vectorOrNull();
    if ("required".equals(System.getProperty("capsem.test.vectorApi"))) {
      assertThat(vector).as("Vector API hasher in the vector-api test run").isNotNull();
    }
    if (vector != null) {
      engines.put("vector", vector);
    }
    return engines;
  }
}
