package dev.capsem.maven;

import dev.capsem.core.ports.Hasher;
import dev.capsem.core.testing.HasherContract;
import dev.capsem.signing.Blake3;

/** The hasher contract against the per-build memo the plugin's goals hash through. */
class MemoHasherContractTest extends HasherContract {

  private final Hasher hasher = new MemoHasher(Blake3.hasher());

  @Override
  protected Hasher hasher() {
    return hasher;
  }
}
