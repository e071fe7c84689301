package dev.capsem.docker.oci;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the adapter reaches registries: whose credentials, which certificates it trusts, and whether
 * plain HTTP is allowed beyond loopback.
 *
 * @param login explicit credentials (a settings.xml {@code <server>}), used before Docker's
 * @param dockerConfig Docker's {@code config.json} ({@code auths}, {@code credHelpers}, {@code
 *     credsStore}), or null for none
 * @param environment the environment credential helpers run with
 * @param trust certificates to trust besides the JDK's own: a PEM file of CA certificates or a
 *     PKCS#12/JKS trust store, or null
 * @param trustPassword the trust store's password, or null
 * @param insecure allow plain HTTP and unverified HTTPS to any host (loopback always may)
 */
public record RegistryAccess(
    Login login,
    Path dockerConfig,
    Map<String, String> environment,
    Path trust,
    char[] trustPassword,
    boolean insecure) {

  /** A username and password (or token). */
  public record Login(String username, String password) {
    public Login {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }

  public RegistryAccess {
    environment = Map.copyOf(environment);
    trustPassword = trustPassword == null ? null : trustPassword.clone();
  }

  /**
   * Docker's configuration as the {@code docker} CLI finds it: {@code $DOCKER_CONFIG/config.json},
   * else {@code $HOME/.docker/config.json}; no explicit login, no extra trust, loopback-only HTTP.
   */
  public static RegistryAccess fromEnvironment(Map<String, String> environment) {
    String dockerConfig = environment.get("DOCKER_CONFIG");
    String home = environment.get("HOME");
    Path config =
        dockerConfig != null && !dockerConfig.isBlank()
            ? Path.of(dockerConfig, "config.json")
            : home != null && !home.isBlank() ? Path.of(home, ".docker", "config.json") : null;
    return new RegistryAccess(null, config, environment, null, null, false);
  }

  /** Anonymous access: no credentials at all. */
  public static RegistryAccess anonymous() {
    return new RegistryAccess(null, null, Map.of(), null, null, false);
  }

  public RegistryAccess withLogin(String username, String password) {
    return new RegistryAccess(
        new Login(username, password), dockerConfig, environment, trust, trustPassword, insecure);
  }

  public RegistryAccess trusting(Path trustFile, char[] password) {
    return new RegistryAccess(login, dockerConfig, environment, trustFile, password, insecure);
  }

  public RegistryAccess allowingInsecure() {
    return new RegistryAccess(login, dockerConfig, environment, trust, trustPassword, true);
  }

  public Optional<Login> explicitLogin() {
    return Optional.ofNullable(login);
  }

  @Override
  public char[] trustPassword() {
    return trustPassword == null ? null : trustPassword.clone();
  }

  @Override
  public String toString() {
    return "RegistryAccess[login="
        + login
        + ", dockerConfig="
        + dockerConfig
        + ", trust="
        + trust
        + ", insecure="
        + insecure
        + "]";
  }
}
