package dev.capsem.core.api;

import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.ToolProbe;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the domain needs from the outside world, supplied by the driving adapter (the command
 * line, the Maven plugin, or an embedding application).
 *
 * @param hasher BLAKE3
 * @param tools runs short host commands for diagnosis
 * @param host the operating system and environment variables
 * @param clock the only source of "now" (Maven: {@code project.build.outputTimestamp}; CLI: {@code
 *     SOURCE_DATE_EPOCH} or the system clock)
 * @param verifier verifies minisign signatures (manifests, profile payloads, VM assets)
 * @param signer signs manifests with minisign secret keys
 * @param keyGenerator creates minisign key pairs
 * @param http fetches catalog locations ({@code manifest check})
 */
public record Ports(
    Hasher hasher,
    ToolProbe tools,
    Host host,
    Clock clock,
    SignatureVerifier verifier,
    Signer signer,
    SigningKeyGenerator keyGenerator,
    HttpFetcher http) {

  public Ports {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(keyGenerator, "keyGenerator");
    Objects.requireNonNull(http, "http");
  }

  /**
   * Ports for the use cases that neither sign, verify nor fetch; those that do fail with {@link
   * IllegalStateException} naming the missing adapter.
   */
  public Ports(Hasher hasher, ToolProbe tools, Host host, Clock clock) {
    this(
        hasher,
        tools,
        host,
        clock,
        MissingAdapters.VERIFIER,
        MissingAdapters.SIGNER,
        MissingAdapters.KEY_GENERATOR,
        MissingAdapters.HTTP);
  }
}
