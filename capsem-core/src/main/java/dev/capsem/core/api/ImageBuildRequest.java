package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.BuildSettings;
import dev.capsem.core.internal.image.WorkspaceSources;
import java.nio.file.Path;

/**
 * {@code image build}.
 *
 * @param workspaceDir where to materialise the workspace, or null for a temporary folder removed
 *     afterwards
 * @param force overwrite a non-empty {@code workspaceDir}
 */
public record ImageBuildRequest(
    Path profile,
    String profileShown,
    String arch,
    GivenPath workspaceDir,
    boolean force,
    WorkspaceSources sources,
    BuildSettings settings) {}
