package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageLockRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a profile's lock file from its last build: base image digests, the kernel source's hash,
 * the exact version (and SHA256 or integrity) of every apt, Python and npm package; a build with
 * {@code locked} installs exactly those. Run it by name after a build, and commit the lock.
 */
@Mojo(name = "image-lock", threadSafe = true)
public final class ImageLockMojo extends AbstractCapsemMojo {

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
   * The last build's assets ({@code <arch>/image-inventory.json}, {@code build-record.json}).
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
   * The lock file. Default: {@code <profile without .toml/.json>.lock.json} beside the profile.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.lockFile")
  File lockFile;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    conclude(
        capsem
            .images()
            .lock(
                new ImageLockRequest(
                    required(profile, "profile", "profile"),
                    arch,
                    requiredDirectory(assetsDirectory, "assets folder", "assetsDirectory"),
                    given(lockFile))),
        "image-lock.json");
  }
}
