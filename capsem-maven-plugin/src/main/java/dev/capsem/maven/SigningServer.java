package dev.capsem.maven;

import dev.capsem.core.api.ReleaseRequest;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.ports.PasswordSource;
import java.io.File;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The signing key of a {@code settings.xml} server, as maven-gpg-plugin takes its key: {@code
 * <privateKey>} is the minisign secret key file (relative paths from the project folder) and {@code
 * <passphrase>} (or {@code <password>}) its password, decrypted when encrypted with {@code mvn
 * --encrypt-password}. Nothing secret ever sits in a POM.
 */
final class SigningServer {

  /** A usable key: the file and its password (null when the key is not encrypted). */
  record Key(String serverId, File file, String secret) {

    /** The password as the signing port reads it. */
    PasswordSource password() {
      return secret == null ? PasswordSource.none() : PasswordSource.of(secret.toCharArray());
    }

    /** What to tell a user whose key needs a password. */
    String passwordHint(java.util.function.Function<File, String> shown) {
      return "the key " + shown.apply(file) + " is encrypted: " + passwordAdvice(serverId);
    }
  }

  /** Where a Maven build takes a key's password from. */
  static String passwordAdvice(String serverId) {
    return "put its password in <passphrase> (or <password>) of the <server> with id '"
        + serverId
        + "' in settings.xml (encrypt it with mvn --encrypt-password)";
  }

  private SigningServer() {}

  /** The release's signing input from the key found (or none), worded for a Maven user. */
  static ReleaseRequest.Signing signing(
      Optional<Key> key, String serverId, Function<File, GivenPath> given) {
    return new ReleaseRequest.Signing(
        key.map(k -> given.apply(k.file())).orElse(null),
        key.map(Key::password).orElse(PasswordSource.none()),
        missing(serverId),
        passwordAdvice(serverId));
  }

  /**
   * The key of server {@code serverId}, or empty when settings.xml has no such server. A server
   * without a usable key file is the user's to fix.
   */
  static Optional<Key> find(
      Settings settings, SettingsDecrypter decrypter, String serverId, MavenProject project)
      throws MojoFailureException, MojoExecutionException {
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      return Optional.empty();
    }
    Server clear = decrypt(decrypter, server, serverId);
    String keyPath = clear.getPrivateKey();
    if (keyPath == null || keyPath.isBlank()) {
      throw new MojoFailureException(
          "the <server> '"
              + serverId
              + "' in settings.xml has no <privateKey>: set it to the minisign secret key file");
    }
    File key = new File(keyPath.strip());
    if (!key.isAbsolute() && project != null && project.getBasedir() != null) {
      key = new File(project.getBasedir(), keyPath.strip());
    }
    if (!key.isFile()) {
      throw new MojoFailureException(
          "E016 "
              + key.getPath()
              + ": Missing required file: it does not exist (set <privateKey> of server '"
              + serverId
              + "')");
    }
    String password =
        clear.getPassphrase() != null && !clear.getPassphrase().isEmpty()
            ? clear.getPassphrase()
            : clear.getPassword();
    return Optional.of(
        new Key(serverId, key, password == null || password.isEmpty() ? null : password));
  }

  /** The passphrase of server {@code serverId}, decrypted, or empty when it has none. */
  static Optional<String> passphrase(
      Settings settings, SettingsDecrypter decrypter, String serverId)
      throws MojoExecutionException {
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      return Optional.empty();
    }
    Server clear = decrypt(decrypter, server, serverId);
    String secret =
        clear.getPassphrase() != null && !clear.getPassphrase().isEmpty()
            ? clear.getPassphrase()
            : clear.getPassword();
    return secret == null || secret.isEmpty() ? Optional.empty() : Optional.of(secret);
  }

  private static Server decrypt(SettingsDecrypter decrypter, Server server, String serverId)
      throws MojoExecutionException {
    SettingsDecryptionResult decrypted =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : decrypted.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new MojoExecutionException(
            "cannot decrypt the <server> '"
                + serverId
                + "' in settings.xml: "
                + problem.getMessage());
      }
    }
    return decrypted.getServer();
  }

  /** What to tell a user who has no such server. */
  static String missing(String serverId) {
    return "no <server> with id '"
        + serverId
        + "' in settings.xml: add one whose <privateKey> is the minisign secret key (and"
        + " <passphrase> its password), or set capsem.signing.serverId";
  }
}
