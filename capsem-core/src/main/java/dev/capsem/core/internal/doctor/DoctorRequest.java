package dev.capsem.core.internal.doctor;

import java.nio.file.Path;

/**
 * What to diagnose.
 *
 * @param profile a Profile V2 to plan, or null
 * @param profileAsGiven how the user named the profile (echoed in the report)
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 * @param repoRoot where the guest artifacts and the CA are looked for
 * @param repoRootAsGiven how the user named it
 * @param guestBinaries the guest agent binaries folder ({@code <dir>/<arch>/<name>}), or null
 */
public record DoctorRequest(
    Path profile,
    String profileAsGiven,
    String arch,
    Path repoRoot,
    String repoRootAsGiven,
    Path guestBinaries) {}
