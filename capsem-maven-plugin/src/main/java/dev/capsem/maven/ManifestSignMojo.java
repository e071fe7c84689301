package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.SignManifestRequest;
import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
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
    GivenPath file = required(manifest, "manifest", "manifest");
    SigningServer.Key key =
        SigningServer.find(settings, settingsDecrypter, serverId, project)
            .orElseThrow(() -> new MojoFailureException(SigningServer.missing(serverId)));
    Outcome<TextReport> signed =
        capsem
            .manifests()
            .sign(
                new SignManifestRequest(file, given(key.file()), given(signature), key.password()));
    if (signed.diagnostics().stream().anyMatch(d -> d.code() == Code.E420)) {
      throw new MojoFailureException("manifest signing failed: " + key.passwordHint(this::shown));
    }
    conclude(signed, "manifest-sign.json");
  }
}
