package dev.capsem.core.internal.image.lock;

import java.util.Objects;

/**
 * The kernel source a build compiled.
 *
 * @param version the kernel release the build reported
 * @param source the tarball or URL, as the build was told
 * @param sha256 the tarball's SHA-256, 64 hex digits
 */
public record LockedKernel(String version, String source, String sha256) {
  public LockedKernel {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
  }
}
