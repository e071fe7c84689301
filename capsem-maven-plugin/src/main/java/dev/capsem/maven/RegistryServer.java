package dev.capsem.maven;

import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.ports.OciReference;
import dev.capsem.docker.oci.RegistryAccess;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * How a goal reaches a registry: the {@code settings.xml} {@code <server>} whose id is {@code
 * serverId} (by default the registry as the target names it, {@code host[:port]}, as
 * jib-maven-plugin finds it) gives {@code <username>} and {@code <password>} (decrypted when
 * encrypted with {@code mvn --encrypt-password}); without such a server, Docker's {@code
 * config.json} and credential helpers. Nothing secret ever sits in a POM.
 *
 * @param serverId the server's id, or null/blank for the target's registry
 * @param trust CA certificates (PEM) or a PKCS#12/JKS trust store, or null
 * @param insecure plain HTTP and unverified TLS beyond loopback
 */
record RegistryServer(String serverId, File trust, boolean insecure) {

  /** A registry target as a parameter gives it: null when unset or blank. */
  static String named(String target) {
    return target == null || target.isBlank() ? null : target.strip();
  }

  /** {@link #apply} when {@code target} is not null, else {@code capsem} as it is. */
  Capsem applyIfNamed(
      Capsem capsem, String target, Settings settings, SettingsDecrypter decrypter, Log log)
      throws MojoExecutionException, MojoFailureException {
    return target == null ? capsem : apply(capsem, target, settings, decrypter, log);
  }

  /** {@code capsem} with a registry client for {@code target} configured by this server. */
  Capsem apply(
      Capsem capsem, String target, Settings settings, SettingsDecrypter decrypter, Log log)
      throws MojoExecutionException, MojoFailureException {
    String id = serverId == null || serverId.isBlank() ? host(target) : serverId.strip();
    RegistryAccess access = RegistryAccess.fromEnvironment(capsem.ports().host().environment());
    Server server = settings == null ? null : settings.getServer(id);
    if (server != null) {
      Server clear = SigningServer.decrypt(decrypter, server, id);
      if (clear.getUsername() == null || clear.getPassword() == null) {
        throw new MojoFailureException(
            "the <server> '" + id + "' in settings.xml needs <username> and <password>");
      }
      access = access.withLogin(clear.getUsername(), clear.getPassword());
      log.info("capsem: registry credentials from the <server> '" + id + "' of settings.xml");
    }
    if (trust != null) {
      if (!trust.isFile()) {
        throw new MojoFailureException(
            "E016 " + trust.getPath() + ": Missing required file: it does not exist");
      }
      access = access.trusting(trust.toPath(), null);
    }
    if (insecure) {
      access = access.allowingInsecure();
    }
    return Capsem.with(
        capsem
            .ports()
            .withRegistry(
                StandardPorts.registryClient(
                    access, line -> log.warn("capsem: registry " + line))));
  }

  private static String host(String target) throws MojoFailureException {
    try {
      return OciReference.parse(target).registry();
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("not a registry reference: " + target + ": " + e.getMessage());
    }
  }
}
