package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageBuildRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the project's Capsem VM image from its profile: per architecture the kernel, the initrd
 * and the rootfs through the container runtime, then {@code B3SUMS} and the format-2 {@code
 * manifest.json}. A step whose inputs are those of the last build keeps its files once their hashes
 * are checked ({@code -Dcapsem.noCache} rebuilds everything). Progress with step times goes to the
 * log, the report to {@code target/capsem/image-build.json}.
 */
@Mojo(name = "image-build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ImageBuildMojo extends AbstractImageBuildMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    ImageBuildRequest request =
        new ImageBuildRequest(required(profile, "profile", "profile"), imageOptions());
    try (ProgressLog progress = progress(false)) {
      conclude(capsem.images().build(request, progress), "image-build.json");
    }
  }
}
