package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.InitSettingsRequest;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a valid Service Settings V2 draft, as {@code capsem-admin settings init} does. */
@Mojo(name = "settings-init", threadSafe = true, requiresProject = false)
public final class SettingsInitMojo extends AbstractCapsemMojo {

  /**
   * Where to write the draft; a {@code .toml} suffix selects TOML.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.settings",
      defaultValue = "${project.basedir}/settings/service-settings.toml")
  File settings;

  /**
   * The default profile id; {@code everyday-work} when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.defaultProfile", defaultValue = "")
  String defaultProfile;

  /**
   * Base profile folders.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.baseDirs")
  List<String> baseDirs = new ArrayList<>();

  /**
   * Corporate profile folders.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.corpDirs")
  List<String> corpDirs = new ArrayList<>();

  /**
   * User profile folders.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.userDirs")
  List<String> userDirs = new ArrayList<>();

  /**
   * Where VM assets are kept; the default when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.settingsAssetsDir", defaultValue = "")
  String assetsDir;

  /**
   * Overwrites existing settings.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.force", defaultValue = "false")
  boolean force;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .settings()
            .init(
                new InitSettingsRequest(
                    defaultProfile == null || defaultProfile.isBlank() ? null : defaultProfile,
                    baseDirs,
                    corpDirs,
                    userDirs,
                    assetsDir == null || assetsDir.isBlank() ? null : assetsDir,
                    null,
                    given(settings),
                    force)),
        null);
  }
}
