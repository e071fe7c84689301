package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageVerifyRequest;
import dev.capsem.core.api.VersionMatch;
import dev.capsem.core.diag.GivenPath;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Proves the built assets are the profile's before a release is signed: each architecture's kernel,
 * initrd and rootfs (present, size, BLAKE3), the image inventory against the package and tool
 * contract, and any {@code capsem-doctor} bundles. Writes {@code image-verify.json} ({@code
 * capsem.image-verification.v1}) and fails listing every failed check.
 */
@Mojo(name = "image-verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ImageVerifyMojo extends AbstractCapsemMojo {

  /**
   * The Profile V2 file whose assets are verified.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.profile",
      defaultValue = "${project.basedir}/profiles/${project.artifactId}.profile.toml")
  File profile;

  /**
   * The built assets, laid out as {@code <assetsDirectory>/<arch>/<last segment of the asset URL>}.
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
   * An inventory file (with one {@code arch}) or a folder of {@code <arch>/image-inventory.json};
   * by default each {@code <assetsDirectory>/<arch>/image-inventory.json}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.inventory")
  File inventory;

  /**
   * {@code capsem-doctor --bundle} tars from booted images; each must report passing tests.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.doctorBundles")
  List<File> doctorBundles = new ArrayList<>();

  /**
   * {@code exact} (upstream: equal or {@code *}) or {@code ranges} ({@code >=}, {@code <}, {@code
   * ~=}, {@code ^} in Debian, PEP 440 or SemVer order).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.versionMatch", defaultValue = "exact")
  String versionMatch;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    Choices.choice(versionMatch, "versionMatch", List.of("exact", "ranges"));
    List<GivenPath> bundles = new ArrayList<>();
    for (File bundle : doctorBundles) {
      bundles.add(required(bundle, "doctor bundle", "doctorBundles"));
    }
    conclude(
        capsem
            .images()
            .verify(
                new ImageVerifyRequest(
                    required(profile, "profile", "profile"),
                    requiredDirectory(assetsDirectory, "assets folder", "assetsDirectory"),
                    arch,
                    given(inventory),
                    bundles,
                    VersionMatch.valueOf(versionMatch.toUpperCase(Locale.ROOT)))),
        "image-verify.json");
  }
}
