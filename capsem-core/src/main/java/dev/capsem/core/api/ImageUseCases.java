package dev.capsem.core.api;

import dev.capsem.core.ports.BuildProgress;

/** {@code capsem-admin image plan|build-workspace|build} and the matching Maven goals. */
public interface ImageUseCases {

  /** The image plan of a profile ({@code capsem.image-plan.v1}). */
  ImageOutcome plan(ImagePlanRequest request);

  /** Derives and writes a build workspace ({@code capsem.image-workspace.v1}). */
  ImageOutcome buildWorkspace(ImageWorkspaceRequest request);

  /**
   * Builds the assets (or, with {@code dryRun}, lists every container command it would run),
   * reporting each step to {@code progress} ({@code capsem.image-build.v1}).
   */
  ImageOutcome build(ImageBuildRequest request, BuildProgress progress);

  /**
   * Writes the release profile ({@code capsem.release-profile.v1}): the source profile whose {@code
   * vm.assets} describe exactly the built assets of the selected architectures (URLs under the
   * asset base URL, hashes and sizes from the build's asset manifest).
   */
  ImageOutcome releaseProfile(ReleaseProfileRequest request);

  /**
   * Rebuilds the image of {@code request.build()} in a clean workspace without any cache and
   * compares each asset's hash with the previous build's {@code B3SUMS}; when they differ, lists
   * every differing file inside the rootfs and initrd ({@code capsem.reproducibility.v1}).
   */
  ImageOutcome verifyReproducible(ReproducibilityRequest request, BuildProgress progress);
}
