package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * Where a build workspace takes what the profile does not say (decision D5): every input is named
 * here, none is read from the current directory behind the user's back.
 *
 * @param providers a folder of AI-provider definitions, {@code <id>.toml} each
 * @param environment the {@code vm/environment.toml} to copy
 * @param defconfigs a folder holding {@code defconfig.<arch>}
 * @param artifacts the guest artifacts folder ({@code capsem-init}, {@code capsem-bashrc}, ...)
 * @param caCertificate the operator's MITM CA certificate, copied to {@code
 *     artifacts/capsem-ca.crt}
 */
public record WorkspaceSources(
    GivenPath providers,
    GivenPath environment,
    GivenPath defconfigs,
    GivenPath artifacts,
    GivenPath caCertificate) {

  public WorkspaceSources {
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(defconfigs, "defconfigs");
    Objects.requireNonNull(artifacts, "artifacts");
    Objects.requireNonNull(caCertificate, "caCertificate");
  }

  /**
   * The inputs of a folder laid out like upstream's {@code guest/}: {@code config/ai}, {@code
   * config/vm/environment.toml}, {@code config/kernel}, {@code artifacts}; the CA separately.
   */
  public static WorkspaceSources fromGuestDir(GivenPath guestDir, GivenPath caCertificate) {
    return new WorkspaceSources(
        guestDir.resolve("config/ai"),
        guestDir.resolve("config/vm/environment.toml"),
        guestDir.resolve("config/kernel"),
        guestDir.resolve("artifacts"),
        caCertificate);
  }

  public WorkspaceSources withProviders(GivenPath value) {
    return new WorkspaceSources(value, environment, defconfigs, artifacts, caCertificate);
  }

  public WorkspaceSources withEnvironment(GivenPath value) {
    return new WorkspaceSources(providers, value, defconfigs, artifacts, caCertificate);
  }

  public WorkspaceSources withDefconfigs(GivenPath value) {
    return new WorkspaceSources(providers, environment, value, artifacts, caCertificate);
  }

  public WorkspaceSources withArtifacts(GivenPath value) {
    return new WorkspaceSources(providers, environment, defconfigs, value, caCertificate);
  }
}
