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
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The use cases a release is made of, over one set of ports.
 *
 * @param manifests the manifest use cases fetching through a given fetcher (the verify stage
 *     fetches the staged release from local files)
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
    ImageTestFlow imageTests) {

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
  }
}
