package dev.capsem.signing;

import dev.capsem.core.ports.Hasher;
import dev.capsem.core.testing.HasherContract;

/** The hasher contract against the fast BLAKE3 adapter (both engines: see the POM's second run). */
class Blake3HasherContractTest extends HasherContract {

  private final Hasher hasher = Blake3.hasher();

  @Override
  protected Hasher hasher() {
    return hasher;
  }
}
