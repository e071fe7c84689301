package dev.capsem.docker.oci;

import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.testing.OciRegistryContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The registry contract against jib-core and a real {@code docker-registry} on loopback. */
class JibRegistryContractTest extends OciRegistryContract {

  private LocalRegistry server;
  private OciRegistry registry;

  @BeforeEach
  void startRegistry() throws Exception {
    server = LocalRegistry.start(temp, false, false);
    registry = OciRegistries.jib(RegistryAccess.anonymous(), null);
  }

  @AfterEach
  void stopRegistry() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected OciRegistry registry() {
    return registry;
  }

  @Override
  protected OciReference reference(String repository, String tag) {
    return OciReference.parse(server.address() + "/" + repository + ":" + tag);
  }

  /** Rewrites the blob's bytes in the registry's storage, keeping its size. */
  @Override
  protected void corruptBlob(String digest) throws IOException {
    Path data = server.blobData(digest);
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length / 2] ^= 1;
    Files.write(data, bytes);
  }
}
