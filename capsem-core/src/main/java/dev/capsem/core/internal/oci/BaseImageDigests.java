package dev.capsem.core.internal.oci;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.RegistryException;
import java.util.List;
import java.util.Objects;

/**
 * Resolves a base image to a digest before Dockerfiles are rendered: from the registry when the
 * reference names one ({@code ghcr.io/corp/base:1}), else from the engine, where images made
 * locally ({@code debian:bookworm-slim} from debootstrap + {@code docker import}) have an id but no
 * registry digest.
 */
public final class BaseImageDigests {

  private final OciRegistry registry;
  private final ContainerRuntime engine;

  public BaseImageDigests(OciRegistry registry, ContainerRuntime engine) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** The outcome: the pinned image, or the E559 that says why there is none. */
  public record Resolution(PinnedImage image, List<Diagnostic> diagnostics) {
    public Resolution {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return image != null;
    }
  }

  public Resolution resolve(String reference) {
    OciReference parsed;
    try {
      parsed = OciReference.parse(reference);
    } catch (IllegalArgumentException e) {
      return failed(reference, "'" + reference + "' is not an image reference: " + e.getMessage());
    }
    if (parsed.explicitRegistry()) {
      try {
        String digest = registry.resolveDigest(parsed);
        OciReference pinned = parsed.withDigest(digest);
        return new Resolution(
            new PinnedImage(
                reference,
                digest,
                PinnedImage.REGISTRY,
                pinned.registry() + "/" + pinned.repository() + "@" + digest),
            List.of());
      } catch (RegistryException e) {
        return failed(reference, reference + ": the registry cannot resolve it: " + e.getMessage());
      }
    }
    String id;
    try {
      id = engine.execute(new ContainerCommand.InspectImage(reference)).strip();
    } catch (ContainerRuntimeException e) {
      return failed(
          reference,
          reference
              + ": not on the engine and the reference names no registry ("
              + e.getMessage()
              + "); make the image (scripts/container-engine.sh) or name REGISTRY/REPO:TAG");
    }
    if (!id.matches("sha256:[0-9a-f]{64}")) {
      return failed(reference, reference + ": the engine reports no image digest: '" + id + "'");
    }
    return new Resolution(new PinnedImage(reference, id, PinnedImage.ENGINE, id), List.of());
  }

  private static Resolution failed(String reference, String message) {
    return new Resolution(null, List.of(Diagnostic.of(Code.E559, null, reference, null, message)));
  }
}
