package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageSbomRequest;
import dev.capsem.core.api.ImageSboms;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Describes each architecture's guest image in SPDX 2.3 from its image inventory, at {@code
 * <sbomDirectory>/<arch>/guest-sbom.spdx.json}, and attaches each document to the project with
 * classifier {@code <arch>-sbom} (type {@code spdx.json}) so that {@code install} and {@code
 * deploy} publish it next to the image. The creation time is {@code SOURCE_DATE_EPOCH}, else {@code
 * project.build.outputTimestamp}.
 */
@Mojo(name = "image-sbom", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ImageSbomMojo extends AbstractCapsemMojo {

  /**
   * The Profile V2 file the image was built from.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.profile",
      defaultValue = "${project.basedir}/profiles/${project.artifactId}.profile.toml")
  File profile;

  /**
   * The built assets; each {@code <assetsDirectory>/<arch>/image-inventory.json} is read unless
   * {@code inventory} is set.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.assetsDirectory",
      defaultValue = "${project.build.directory}/capsem/assets")
  File assetsDirectory;

  /**
   * {@code all} (arm64 then x86_64), {@code arm64} or {@code x86_64}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.arch", defaultValue = "all")
  String arch;

  /**
   * An inventory file (with one {@code arch}) or a folder of {@code <arch>/image-inventory.json}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.inventory")
  File inventory;

  /**
   * Where {@code <arch>/guest-sbom.spdx.json} are written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.sbomDirectory",
      defaultValue = "${project.build.directory}/capsem/sbom")
  File sbomDirectory;

  /**
   * Attaches each SBOM to the project (classifier {@code <arch>-sbom}, type {@code spdx.json}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.attachSboms", defaultValue = "true")
  boolean attachSboms;

  @Component MavenProjectHelper projectHelper;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    ImageSboms sboms =
        conclude(
            capsem
                .images()
                .sbom(
                    new ImageSbomRequest(
                        required(profile, "profile", "profile"),
                        requiredDirectory(assetsDirectory, "assets folder", "assetsDirectory"),
                        arch,
                        given(inventory),
                        given(sbomDirectory))),
            "image-sbom.json");
    for (ImageSboms.Document document : sboms.documents()) {
      String classifier = document.arch() + "-sbom";
      if (attachSboms) {
        new Attachments(project, projectHelper)
            .attach(document.file().path().toFile(), "spdx.json", classifier);
      }
      getLog()
          .info(
              "capsem: wrote "
                  + document.file().shown()
                  + (attachSboms ? ", attached as " + classifier : ""));
    }
  }
}
