package dev.capsem.core.api;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.ports.BuildProgress;
import java.io.OutputStream;

/**
 * {@code capsem-admin image ...} and the matching Maven goals: plan, workspace, build, verify and
 * describe a profile's image.
 */
public interface ImageUseCases {

  /** The image plan of a profile ({@code capsem.image-plan.v1}). */
  Outcome<TextReport> plan(ImagePlanRequest request);

  /** Derives and writes a build workspace ({@code capsem.image-workspace.v1}). */
  Outcome<TextReport> buildWorkspace(ImageWorkspaceRequest request);

  /**
   * Builds the assets (or, in a dry run, lists every container command it would run), reporting
   * each step to {@code progress} ({@code capsem.image-build.v1}).
   */
  Outcome<TextReport> build(ImageBuildRequest request, BuildProgress progress);

  /**
   * Proves the built assets are the profile's (present, size, BLAKE3), the inventories hold the
   * promised packages and tools, and doctor bundles passed ({@code capsem.image-verification.v1}).
   */
  Outcome<TextReport> verify(ImageVerifyRequest request);

  /**
   * Lists a rootfs squashfs, or a path inside it, exactly as {@code unsquashfs -lln} does ({@code
   * capsem.image-ls.v1}).
   */
  Outcome<TextReport> ls(ImageLsRequest request);

  /**
   * Streams one regular file of a rootfs squashfs to the request's file, or to {@code stdout} when
   * it names none ({@code capsem.image-cat.v1}).
   */
  Outcome<TextReport> cat(ImageCatRequest request, OutputStream stdout);

  /**
   * Boots each selected architecture's kernel, initrd and rootfs in a VM (KVM when it works, TCG
   * otherwise), runs the image's diagnostics inside against the profile, and writes the doctor
   * bundle {@code image verify --doctor-bundle} reads ({@code capsem.image-test.v1}).
   */
  Outcome<TextReport> test(ImageTestRequest request, BuildProgress progress);

  /** Writes (or returns for printing) the SPDX 2.3 document of each selected architecture. */
  Outcome<ImageSboms> sbom(ImageSbomRequest request);
}
