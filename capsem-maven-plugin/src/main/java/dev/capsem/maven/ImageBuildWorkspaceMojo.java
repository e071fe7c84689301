package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageWorkspaceRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the build workspace the project's profile derives ({@code config/*.toml}, kernel
 * defconfigs, artifacts) to {@code workspaceDirectory}, without building.
 */
@Mojo(
    name = "image-build-workspace",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    threadSafe = true)
public final class ImageBuildWorkspaceMojo extends AbstractImageBuildMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    conclude(
        capsem
            .images()
            .buildWorkspace(
                new ImageWorkspaceRequest(
                    required(profile, "profile", "profile"),
                    given(workspaceDirectory),
                    true,
                    imageOptions())),
        "image-workspace.json");
  }
}
