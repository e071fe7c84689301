package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lints a build workspace or guest-config folder, as {@code capsem-admin workspace validate}. */
@Mojo(name = "workspace-validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class WorkspaceValidateMojo extends AbstractCapsemMojo {

  /**
   * The workspace (or guest) folder holding {@code config/}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.workspaceDirectory",
      defaultValue = "${project.build.directory}/capsem/workspace")
  File workspaceDirectory;

  /**
   * The guest artifacts folder to check too; not checked when unset.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.artifactsDirectory")
  File artifactsDirectory;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .workspaces()
            .validate(
                requiredDirectory(workspaceDirectory, "workspace", "workspaceDirectory"),
                given(artifactsDirectory)),
        "workspace-validate.json");
  }
}
