package dev.capsem.adapters;

import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RegistryException;
import dev.capsem.docker.oci.OciRegistries;
import dev.capsem.docker.oci.RegistryAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Creates the jib registry client on the first call: most commands never publish, and reading a
 * trust store that is not needed could only fail them. A trust store that cannot be read is the
 * registry's failure, reported where the registry is used.
 */
final class LazyRegistry implements OciRegistry {

  private final RegistryAccess access;
  private final Consumer<String> log;
  private OciRegistry registry;

  LazyRegistry(RegistryAccess access, Consumer<String> log) {
    this.access = access;
    this.log = log;
  }

  @Override
  public PublishedArtifact push(OciReference target, OciArtifact artifact)
      throws RegistryException, IOException {
    return registry().push(target, artifact);
  }

  @Override
  public PublishedArtifact pull(OciReference source, String expectedArtifactType, Path folder)
      throws RegistryException, IOException {
    return registry().pull(source, expectedArtifactType, folder);
  }

  @Override
  public String resolveDigest(OciReference image) throws RegistryException {
    return registry().resolveDigest(image);
  }

  private synchronized OciRegistry registry() throws RegistryException {
    if (registry == null) {
      try {
        registry = OciRegistries.jib(access, log);
      } catch (IOException e) {
        throw new RegistryException(
            RegistryException.Kind.UNREACHABLE,
            "cannot read the registry trust store " + access.trust() + ": " + e.getMessage(),
            e);
      }
    }
    return registry;
  }
}
