package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates a Service Settings V2 file (the settings a corporate fleet ships with its images). */
@Mojo(name = "settings-validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class SettingsValidateMojo extends AbstractCapsemMojo {

  /**
   * The Service Settings V2 file (JSON when it ends in {@code .json}, TOML otherwise).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.settings",
      defaultValue = "${project.basedir}/settings/service-settings.toml")
  File settings;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem.settings().validate(required(settings, "settings file", "settings")),
        "settings-validate.json");
  }
}
