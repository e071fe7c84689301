package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.DoctorRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Is this machine ready to build, and does the profile plan? The build toolchain, the guest inputs
 * and, when the profile exists, its image plan, as {@code capsem-admin doctor}.
 */
@Mojo(name = "doctor", threadSafe = true, requiresProject = false)
public final class DoctorMojo extends AbstractCapsemMojo {

  /**
   * A Profile V2 file to plan; not planned when it does not exist.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.profile",
      defaultValue = "${project.basedir}/profiles/${project.artifactId}.profile.toml")
  File profile;

  /**
   * {@code all}, {@code arm64} or {@code x86_64}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.arch", defaultValue = "all")
  String arch;

  /**
   * Where {@code guest/artifacts} and {@code config/} are looked for.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.repoRoot", defaultValue = "${project.basedir}")
  File repoRoot;

  /**
   * The guest agent binaries folder ({@code <dir>/<arch>/<name>}); not checked when unset.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.guestBinaries")
  File guestBinaries;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    conclude(
        capsem
            .doctor()
            .diagnose(
                new DoctorRequest(ifPresent(profile), arch, given(repoRoot), given(guestBinaries))),
        "doctor.json");
  }
}
