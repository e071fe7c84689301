package dev.capsem.cli;

import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.docker.oci.RegistryAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a command reaches a registry: Docker's {@code config.json} and credential helpers by default,
 * or an explicit login (the password never an argument), extra trust, and plain HTTP beyond
 * loopback only when asked.
 */
final class RegistryOptions {

  static final String USERNAME_VARIABLE = "CAPSEM_REGISTRY_USERNAME";
  static final String PASSWORD_VARIABLE = "CAPSEM_REGISTRY_PASSWORD";

  @Option(
      names = "--registry-username",
      paramLabel = "USER",
      description =
          "Log in to the registry as USER (else "
              + USERNAME_VARIABLE
              + ", else Docker's config.json and credential helpers); the password comes from"
              + " --registry-password-file or "
              + PASSWORD_VARIABLE
              + ".")
  String username;

  @Option(
      names = "--registry-password-file",
      paramLabel = "FILE",
      description = "File whose first line is the registry password.")
  String passwordFile;

  @Option(
      names = "--registry-trust",
      paramLabel = "FILE",
      description =
          "CA certificates (PEM) or a PKCS#12/JKS trust store the registry's certificate is"
              + " checked against, besides the JDK's.")
  String trust;

  @Option(
      names = "--insecure-registry",
      description =
          "Allow plain HTTP and unverified TLS to a registry that is not on loopback (loopback"
              + " may always use HTTP).")
  boolean insecure;

  /** {@code capsem} with a registry client configured by these options. */
  Capsem apply(CapsemCommand command, Capsem capsem) {
    Map<String, String> environment = capsem.ports().host().environment();
    RegistryAccess access = RegistryAccess.fromEnvironment(environment);
    String user = username != null ? username : environment.get(USERNAME_VARIABLE);
    if (user != null) {
      access = access.withLogin(user, password(command, environment));
    } else if (passwordFile != null) {
      throw command.usage("--registry-password-file needs --registry-username");
    }
    if (trust != null) {
      access = access.trusting(command.existingFile(trust, "--registry-trust").path(), null);
    }
    if (insecure) {
      access = access.allowingInsecure();
    }
    Console console = command.console();
    return Capsem.with(
        capsem
            .ports()
            .withRegistry(
                StandardPorts.registryClient(access, line -> console.err("registry " + line))));
  }

  private String password(CapsemCommand command, Map<String, String> environment) {
    PasswordSource source =
        passwordFile != null
            ? PasswordSource.firstLineOfFile(
                command.existingFile(passwordFile, "--registry-password-file").path())
            : PasswordSource.environmentVariable(environment, PASSWORD_VARIABLE);
    try {
      Optional<char[]> read = source.read();
      if (read.isEmpty()) {
        throw command.usage(
            "--registry-username needs a password: --registry-password-file or "
                + PASSWORD_VARIABLE);
      }
      return new String(read.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the registry password", e);
    }
  }
}
