package dev.capsem.core.internal.release;

import dev.capsem.core.internal.boottest.ImageTestFlow;
import dev.capsem.core.internal.detection.DetectionFlow;
import dev.capsem.core.internal.enforcement.EnforcementFlow;
import dev.capsem.core.internal.image.ImageFlow;
import dev.capsem.core.internal.image.VerifyFlow;
import dev.capsem.core.internal.manifest.ManifestFlow;
import dev.capsem.core.internal.signing.SigningFlow;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The use cases a release is made of, over one set of ports.
 *
 * @param manifests the manifest use cases fetching through a given fetcher (the verify stage
 *     fetches the staged release from local files)
 * @param signer opens the release key once for every signature and the provenance envelope
 * @param verifier checks minisign signatures of pulled files
 * @param rawVerifier checks the provenance envelope's signature
 * @param registry where the deploy stage pushes the release
 */
public record ReleaseTools(
    FileAccess files,
    Hasher hasher,
    Clock clock,
    ImageFlow images,
    VerifyFlow verification,
    Function<HttpFetcher, ManifestFlow> manifests,
    SigningFlow signing,
    EnforcementFlow enforcement,
    DetectionFlow detection,
    ImageTestFlow imageTests,
    Signer signer,
    SignatureVerifier verifier,
    RawSignatureVerifier rawVerifier,
    OciRegistry registry) {

  public ReleaseTools {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(manifests, "manifests");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(enforcement, "enforcement");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(imageTests, "imageTests");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(rawVerifier, "rawVerifier");
    Objects.requireNonNull(registry, "registry");
  }
}
