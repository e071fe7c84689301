package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.DocumentFormat;
import dev.capsem.core.api.InitBuiltinsRequest;
import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Derives the built-in profiles ({@code everyday-work}, {@code coding}) from a guest config, as
 * {@code capsem-admin profile init-builtins} does.
 */
@Mojo(name = "profile-init-builtins", threadSafe = true, requiresProject = false)
public final class ProfileInitBuiltinsMojo extends AbstractCapsemMojo {

  /**
   * The guest config folder ({@code config/*.toml}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.guestDirectory", defaultValue = "${project.basedir}/guest")
  File guestDirectory;

  /**
   * Where {@code <id>.profile.<format>} are written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.profilesDirectory", defaultValue = "${project.basedir}/profiles")
  File profilesDirectory;

  /**
   * The revision, {@code YYYY.MMDD.N}; today's first revision when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.revision", defaultValue = "")
  String revision;

  /**
   * {@code toml} or {@code json}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.format", defaultValue = "toml")
  String format;

  /**
   * Overwrites existing profiles.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.force", defaultValue = "false")
  boolean force;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(format, "format", List.of("json", "toml"));
    conclude(
        capsem
            .profiles()
            .initBuiltins(
                new InitBuiltinsRequest(
                    revision,
                    requiredDirectory(guestDirectory, "guest folder", "guestDirectory"),
                    DocumentFormat.valueOf(format.toUpperCase(Locale.ROOT)),
                    given(profilesDirectory),
                    force)),
        null);
  }
}
