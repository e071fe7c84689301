package dev.capsem.core.ports;

import dev.capsem.core.testing.HasherContract;
import dev.capsem.core.testing.ReferenceBlake3;

/** The reference BLAKE3 core tests hash with keeps the contract the fast adapter keeps. */
class FakeHasherContractTest extends HasherContract {

  private final Hasher hasher = new ReferenceBlake3();

  @Override
  protected Hasher hasher() {
    return hasher;
  }
}
