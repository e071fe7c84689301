package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImagePlanRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the image plan of the project's profile ({@code capsem.image-plan.v1}, with the
 * package-contract hash) to {@code target/capsem/image-plan.json}.
 */
@Mojo(name = "image-plan", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ImagePlanMojo extends AbstractImageBuildMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(arch, "arch", ARCHES);
    conclude(
        capsem.images().plan(new ImagePlanRequest(required(profile, "profile", "profile"), arch)),
        "image-plan.json");
  }
}
