package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.ImageLocking;
import java.util.Objects;

/**
 * {@code image lock}: the last build of a profile written as its lock file.
 *
 * @param assetsDir the last build's asset folder ({@code <arch>/image-inventory.json}, {@code
 *     <arch>/build-record.json}, {@code <arch>/package-hashes.json})
 * @param out the lock file, or null for {@link #defaultLockFile}
 */
public record ImageLockRequest(GivenPath profile, String arch, GivenPath assetsDir, GivenPath out) {

  public ImageLockRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(assetsDir, "assetsDir");
  }

  /**
   * Where a profile's lock is kept by default: beside it, named {@code <profile file name without
   * .toml or .json>.lock.json} ({@code profiles/corp-dev.profile.lock.json}).
   */
  public static GivenPath defaultLockFile(GivenPath profile) {
    return ImageLocking.defaultLockFile(profile);
  }
}
