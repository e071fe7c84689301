package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates Service Settings V2 and summarises their security posture in the log. */
@Mojo(name = "settings-doctor", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class SettingsDoctorMojo extends AbstractCapsemMojo {

  /**
   * The Service Settings V2 file.
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
        capsem.settings().doctor(required(settings, "settings file", "settings")),
        "settings-doctor.json");
  }
}
