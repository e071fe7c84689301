package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageTestRequest;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Boots each built architecture's kernel, initrd and rootfs in QEMU (KVM when it works, TCG
 * otherwise), runs the image's diagnostics inside against the profile, and writes each arch's
 * {@code doctor-bundle.tar} and {@code boot-console.log} beside its assets, and {@code
 * image-test.json} ({@code capsem.image-test.v1}); fails with the code of what went wrong.
 */
@Mojo(name = "image-test", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ImageTestMojo extends AbstractCapsemMojo {

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
   * The built assets, laid out as {@code <assetsDirectory>/<arch>/vmlinuz}, {@code initrd.img},
   * {@code rootfs.squashfs}.
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
   * How long one VM may run, in seconds, before it is killed.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.bootTimeout", defaultValue = "300")
  long bootTimeout;

  /**
   * The CA certificate the image must trust; without it the checks only require one installed.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.caCertificate")
  File caCertificate;

  /**
   * The image was built without the guest agents, so none is expected to start.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.withoutGuestBinaries", defaultValue = "false")
  boolean withoutGuestBinaries;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    if (bootTimeout < 1) {
      throw new MojoFailureException("bootTimeout must be a positive number of seconds");
    }
    ImageTestRequest request =
        new ImageTestRequest(
            required(profile, "profile", "profile"),
            requiredDirectory(assetsDirectory, "assets folder", "assetsDirectory"),
            arch,
            Duration.ofSeconds(bootTimeout),
            caCertificate == null ? null : required(caCertificate, "CA", "caCertificate"),
            withoutGuestBinaries);
    try (ProgressLog progress = progress(false)) {
      conclude(capsem.images().test(request, progress), "image-test.json");
    }
  }
}
