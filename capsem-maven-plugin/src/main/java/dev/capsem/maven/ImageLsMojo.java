package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageLsRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists a rootfs squashfs, or a path inside it, as {@code unsquashfs -lln} does; the lines go to
 * the report {@code target/capsem/image-ls.json} ({@code capsem.image-ls.v1}).
 */
@Mojo(name = "image-ls", threadSafe = true, requiresProject = false)
public final class ImageLsMojo extends AbstractCapsemMojo {

  /**
   * The rootfs squashfs to list ({@code <assets>/<arch>/rootfs.squashfs}).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.image",
      defaultValue = "${project.build.directory}/capsem/assets/x86_64/rootfs.squashfs")
  File image;

  /**
   * The file or folder inside the image to list; empty lists all of it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.imagePath", defaultValue = "")
  String imagePath;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem.images().ls(new ImageLsRequest(required(image, "rootfs image", "image"), imagePath)),
        "image-ls.json");
  }
}
