package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compiles every rule's CEL condition ({@code capsem.policy-compile.v1}). */
@Mojo(name = "enforcement-compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public final class EnforcementCompileMojo extends AbstractCapsemMojo {

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
            .compile(required(enforcementPack, "enforcement file", "enforcementPack")),
        "enforcement-compile.json");
  }
}
