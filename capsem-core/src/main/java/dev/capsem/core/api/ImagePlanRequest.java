package dev.capsem.core.api;

import java.nio.file.Path;

/**
 * {@code image plan}.
 *
 * @param profileShown the profile path as the user gave it
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 */
public record ImagePlanRequest(Path profile, String profileShown, String arch) {}
