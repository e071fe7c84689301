package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.WorkspaceSources;
import java.nio.file.Path;

/**
 * {@code image build-workspace}.
 *
 * @param out the workspace folder (created when missing; a non-empty one needs {@code force})
 * @param sources what the profile does not say: provider definitions, environment, defconfigs,
 *     guest artifacts, CA
 */
public record ImageWorkspaceRequest(
    Path profile,
    String profileShown,
    String arch,
    GivenPath out,
    boolean force,
    WorkspaceSources sources) {}
