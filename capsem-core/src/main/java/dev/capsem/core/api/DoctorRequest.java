package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * What {@code capsem-admin doctor} diagnoses.
 *
 * @param profile a Profile V2 to plan, or null
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 * @param repoRoot where the guest artifacts and the CA are looked for
 * @param guestBinaries the guest agent binaries folder ({@code <dir>/<arch>/<name>}), or null
 */
public record DoctorRequest(
    GivenPath profile, String arch, GivenPath repoRoot, GivenPath guestBinaries) {

  public DoctorRequest {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(repoRoot, "repoRoot");
  }
}
