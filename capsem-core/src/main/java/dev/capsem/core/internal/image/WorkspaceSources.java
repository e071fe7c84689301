package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param origins where each input came from, by report name ({@code providers}, {@code
 *     ca_certificate}, ...): {@code kit <version>}, {@code project CA ...} or the operator's path
 */
public record WorkspaceSources(
    GivenPath providers,
    GivenPath environment,
    GivenPath defconfigs,
    GivenPath artifacts,
    GivenPath caCertificate,
    Map<String, String> origins) {

  /** Inputs the operator named, with no origins recorded. */
  public WorkspaceSources(
      GivenPath providers,
      GivenPath environment,
      GivenPath defconfigs,
      GivenPath artifacts,
      GivenPath caCertificate) {
    this(providers, environment, defconfigs, artifacts, caCertificate, Map.of());
  }

  public WorkspaceSources {
    origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
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
    return new WorkspaceSources(value, environment, defconfigs, artifacts, caCertificate, origins);
  }

  public WorkspaceSources withEnvironment(GivenPath value) {
    return new WorkspaceSources(providers, value, defconfigs, artifacts, caCertificate, origins);
  }

  public WorkspaceSources withDefconfigs(GivenPath value) {
    return new WorkspaceSources(providers, environment, value, artifacts, caCertificate, origins);
  }

  public WorkspaceSources withArtifacts(GivenPath value) {
    return new WorkspaceSources(providers, environment, defconfigs, value, caCertificate, origins);
  }

  /** These sources with {@code name}'s origin recorded as {@code origin} (last one wins). */
  public WorkspaceSources withOrigin(String name, String origin) {
    Map<String, String> more = new LinkedHashMap<>(origins);
    more.put(name, origin);
    return new WorkspaceSources(providers, environment, defconfigs, artifacts, caCertificate, more);
  }

  /** Whether the product's guest kit supplied any input (the reports then name every origin). */
  public boolean kitUsed() {
    return origins.values().stream().anyMatch(origin -> origin.startsWith(KIT));
  }

  /** The origin of an input the guest kit supplied starts with this. */
  public static final String KIT = "kit ";
}
