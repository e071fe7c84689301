package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.DocumentFormat;
import dev.capsem.core.api.InitProfileRequest;
import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Creates a valid Profile V2 draft for the project (run it once, then edit the profile). */
@Mojo(name = "profile-init", threadSafe = true, requiresProject = false)
public final class ProfileInitMojo extends AbstractCapsemMojo {

  /**
   * The profile id (3–64 lower-case letters, digits or dashes).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.profileId", defaultValue = "${project.artifactId}")
  String profileId;

  /**
   * The revision, {@code YYYY.MMDD.N}; today's first revision when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.revision", defaultValue = "")
  String revision;

  /**
   * The display name; derived from the id when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.name", defaultValue = "")
  String name;

  /**
   * {@code coding} or {@code everyday-work}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.profileType", defaultValue = "coding")
  String profileType;

  /**
   * Where to write the draft; a {@code .toml} suffix selects TOML.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.profile",
      defaultValue = "${project.basedir}/profiles/${project.artifactId}.profile.toml")
  File profile;

  /**
   * {@code json} or {@code toml}; from the file name when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.format", defaultValue = "")
  String format;

  /**
   * Overwrites an existing profile.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.force", defaultValue = "false")
  boolean force;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    DocumentFormat chosen = null;
    if (format != null && !format.isEmpty()) {
      Choices.choice(format, "format", List.of("json", "toml"));
      chosen = DocumentFormat.valueOf(format.toUpperCase(Locale.ROOT));
    }
    conclude(
        capsem
            .profiles()
            .init(
                new InitProfileRequest(
                    profileId,
                    revision,
                    name,
                    null,
                    null,
                    null,
                    profileType,
                    chosen,
                    given(profile),
                    force)),
        null);
  }
}
