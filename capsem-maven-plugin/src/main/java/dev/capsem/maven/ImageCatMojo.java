package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageCatRequest;
import java.io.File;
import java.io.OutputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Copies one regular file out of a rootfs squashfs into {@code out} (written atomically); report
 * {@code target/capsem/image-cat.json} ({@code capsem.image-cat.v1}).
 */
@Mojo(name = "image-cat", threadSafe = true, requiresProject = false)
public final class ImageCatMojo extends AbstractCapsemMojo {

  /**
   * The rootfs squashfs to read ({@code <assets>/<arch>/rootfs.squashfs}).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.image",
      defaultValue = "${project.build.directory}/capsem/assets/x86_64/rootfs.squashfs")
  File image;

  /**
   * The regular file inside the image (symbolic links are followed as in the guest).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.imagePath", required = true)
  String imagePath;

  /**
   * Where the file's bytes are written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.out",
      defaultValue = "${project.build.directory}/capsem/image-cat.out")
  File out;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .images()
            .cat(
                new ImageCatRequest(
                    required(image, "rootfs image", "image"), imagePath, given(out)),
                OutputStream.nullOutputStream()),
        "image-cat.json");
  }
}
