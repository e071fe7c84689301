package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates an enforcement file (a {@code capsem.policy-pack.v1} pack or the brief's {@code
 * [security.rules.<family>.<name>]} rules) and type-checks every CEL condition, so a broken rule
 * fails the build before it ships.
 */
@Mojo(name = "enforcement-validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class EnforcementValidateMojo extends AbstractCapsemMojo {

  /**
   * The enforcement file (JSON when it ends in {@code .json}, TOML otherwise).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementPack",
      defaultValue = "${project.basedir}/security/enforcement.toml")
  File enforcementPack;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .enforcement()
            .validate(required(enforcementPack, "enforcement file", "enforcementPack")),
        "enforcement-validate.json");
  }
}
