package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code image test}: boot the built image of each selected architecture and check it from inside.
 *
 * @param assetsDir the build's output ({@code <arch>/vmlinuz}, {@code initrd.img}, {@code
 *     rootfs.squashfs}); each arch's {@code doctor-bundle.tar} and {@code boot-console.log} are
 *     written there
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 * @param timeout how long one VM may run before it is killed, or null for five minutes
 * @param caCertificate the CA the image must trust, or null to check only that one is installed
 * @param withoutGuestBinaries the image was built without the guest agents, so none must start
 */
public record ImageTestRequest(
    GivenPath profile,
    GivenPath assetsDir,
    String arch,
    Duration timeout,
    GivenPath caCertificate,
    boolean withoutGuestBinaries) {

  public ImageTestRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(arch, "arch");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("the boot test's timeout must be positive");
    }
  }

  /** Every architecture of {@code assetsDir}, the default timeout, the guest agents expected. */
  public static ImageTestRequest of(GivenPath profile, GivenPath assetsDir, String arch) {
    return new ImageTestRequest(profile, assetsDir, arch, null, null, false);
  }
}
