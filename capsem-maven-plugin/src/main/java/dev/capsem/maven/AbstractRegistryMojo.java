package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of a goal that talks to a registry ({@code release-push}, {@code release-pull}).
 */
abstract class AbstractRegistryMojo extends AbstractCapsemMojo {

  /**
   * The id of the {@code settings.xml} server whose {@code <username>} and {@code <password>} log
   * in to the registry. Default: the registry as the reference names it ({@code host[:port]}).
   * Without such a server, Docker's {@code config.json} and credential helpers are used.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.registry.serverId")
  String registryServerId;

  /**
   * CA certificates (PEM) or a PKCS#12/JKS trust store the registry's certificate is checked
   * against, besides the JDK's.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.registry.trust")
  File registryTrust;

  /**
   * Allows plain HTTP and unverified TLS to a registry that is not on loopback (loopback may always
   * use HTTP).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.registry.insecure", defaultValue = "false")
  boolean registryInsecure;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings mavenSettings;

  @Component SettingsDecrypter settingsDecrypter;

  /** {@code capsem} with a registry client for {@code target} configured by these parameters. */
  Capsem withRegistry(Capsem capsem, String target)
      throws MojoExecutionException, MojoFailureException {
    return new RegistryServer(registryServerId, registryTrust, registryInsecure)
        .apply(capsem, target, mavenSettings, settingsDecrypter, getLog());
  }
}
