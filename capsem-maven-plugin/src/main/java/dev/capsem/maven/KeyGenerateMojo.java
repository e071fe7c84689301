package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.GenerateKeysRequest;
import dev.capsem.core.ports.PasswordSource;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes a minisign key pair ({@code minisign.pub}, {@code minisign.key}), scrypt-encrypted with
 * the password of a {@code settings.xml} server unless {@code unencrypted}.
 */
@Mojo(name = "key-generate", threadSafe = true, requiresProject = false)
public final class KeyGenerateMojo extends AbstractCapsemMojo {

  /**
   * Where both files are written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.keyDirectory", defaultValue = "${project.basedir}/keys")
  File keyDirectory;

  /**
   * Stores the secret key without a password.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.unencrypted", defaultValue = "false")
  boolean unencrypted;

  /**
   * The id of the {@code settings.xml} server whose {@code <passphrase>} protects the new key.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.signing.serverId", defaultValue = "capsem-signing")
  String serverId;

  /**
   * Replaces existing key files.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.force", defaultValue = "false")
  boolean force;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings settings;

  @Component SettingsDecrypter settingsDecrypter;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    PasswordSource password = PasswordSource.none();
    if (!unencrypted) {
      Optional<String> secret = SigningServer.passphrase(settings, settingsDecrypter, serverId);
      if (secret.isEmpty()) {
        throw new MojoFailureException(
            "the new key is encrypted and no password was given: "
                + SigningServer.passwordAdvice(serverId)
                + ", or set capsem.unencrypted");
      }
      password = PasswordSource.of(secret.get().toCharArray());
    }
    conclude(
        capsem
            .signing()
            .generateKeys(
                new GenerateKeysRequest(given(keyDirectory), unencrypted, password, force)),
        null);
  }
}
