package dev.capsem.core.internal.release;

import dev.capsem.core.internal.image.BuiltImage;

/**
 * The image: each build step (kernel, initrd, rootfs) rebuilt only when its inputs changed ({@code
 * image-build.json}).
 */
final class ImageStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    ReleaseConfig config = run.config;
    BuiltImage built =
        run.conclude(
            "image-build.json",
            run.tools
                .images()
                .build(
                    run.profileCheck,
                    config.profile(),
                    config.arch(),
                    config.sources(),
                    run.layout().workspace(),
                    true,
                    config.build(),
                    run.progress));
    run.build = built.build();
    if (config.build().dryRun()) {
      run.result("dry run: no assets, so no SBOM, release profile, catalog or signature");
    }
  }
}
