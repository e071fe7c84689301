package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates the project's Profile V2 file, reporting every problem at file:line:column. */
@Mojo(name = "profile-validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ProfileValidateMojo extends AbstractCapsemMojo {

  /**
   * The Profile V2 file (JSON when it ends in {@code .json}, TOML otherwise).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.profile",
      defaultValue = "${project.basedir}/profiles/${project.artifactId}.profile.toml")
  File profile;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem.profiles().validate(required(profile, "profile", "profile")),
        "profile-validate.json");
  }
}
