package dev.capsem.core.internal.oci;

import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.testing.FakeOciRegistry;
import dev.capsem.core.testing.OciRegistryContract;

/** The registry contract against the in-memory fake. */
class FakeOciRegistryContractTest extends OciRegistryContract {

  private final FakeOciRegistry registry = new FakeOciRegistry();

  @Override
  protected OciRegistry registry() {
    return registry;
  }

  @Override
  protected OciReference reference(String repository, String tag) {
    return OciReference.parse("registry.test/" + repository + ":" + tag);
  }

  @Override
  protected void corruptBlob(String digest) {
    registry.corruptBlob(digest);
  }
}
