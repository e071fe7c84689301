package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.SignManifestRequest;
import dev.capsem.core.api.SignResult;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureFailureKind;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Signs a manifest with a minisign secret key (prehashed {@code ED}, native). The key and its
 * password come from a {@code <server>} in {@code settings.xml}, as maven-gpg-plugin and
 * maven-jarsigner-plugin take theirs, never from the POM:
 *
 * <pre>{@code
 * <server>
 *   <id>capsem-signing</id>
 *   <privateKey>${user.home}/.capsem/minisign.key</privateKey>
 *   <passphrase>{encrypted with mvn --encrypt-password}</passphrase>
 * </server>
 * }</pre>
 */
@Mojo(name = "manifest-sign", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ManifestSignMojo extends AbstractCapsemMojo {

  /**
   * The file to sign.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.manifest",
      defaultValue = "${project.build.directory}/capsem/manifest.json")
  File manifest;

  /**
   * Where to write the signature; {@code <manifest>.minisig} when not set.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.signature")
  File signature;

  /**
   * The id of the {@code settings.xml} server whose {@code <privateKey>} is the minisign secret key
   * and whose {@code <passphrase>} (or {@code <password>}) is its password.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.signing.serverId", defaultValue = "capsem-signing")
  String serverId;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings settings;

  @Component SettingsDecrypter settingsDecrypter;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    MojoOutcomes.requireFile(manifest, shown(manifest), "manifest");
    SigningServer.Key signingKey =
        SigningServer.find(settings, settingsDecrypter, serverId, project)
            .orElseThrow(() -> new MojoFailureException(SigningServer.missing(serverId)));
    File key = signingKey.file();
    String password = signingKey.password();
    SignResult result =
        capsem
            .manifests()
            .sign(
                new SignManifestRequest(
                    manifest.toPath(),
                    shown(manifest),
                    key.toPath(),
                    shown(key),
                    signature == null ? null : signature.toPath(),
                    signature == null ? null : shown(signature),
                    password == null || password.isEmpty()
                        ? PasswordSource.none()
                        : PasswordSource.of(password.toCharArray())));
    if (!result.ok()) {
      if (result.failureKind() == SignatureFailureKind.PASSWORD_REQUIRED) {
        throw new MojoFailureException(
            "manifest signing failed: the key "
                + shown(key)
                + " is encrypted: put its password in <passphrase> (or <password>) of the <server>"
                + " with id '"
                + serverId
                + "' in settings.xml (encrypt it with mvn --encrypt-password)");
      }
      throw new MojoFailureException(result.error());
    }
    File report =
        MojoOutcomes.writeReport(outputDirectory, "manifest-sign.json", result.reportJson());
    result.messages().forEach(message -> getLog().info("capsem: " + message));
    getLog().info("capsem: report " + shown(report));
  }
}
