package dev.capsem.core.internal.compat;

import java.util.Objects;

/**
 * A fetched profile payload to install from a catalog revision.
 *
 * @param gate the revision, binary and action ({@link ProfileAction#INSTALL_OR_UPDATE})
 * @param payload the payload bytes as fetched
 * @param payloadIsToml whether the payload is TOML (its URL ends in {@code .toml}); JSON otherwise
 * @param signature the payload's {@code .minisig} bytes
 * @param publicKey the trusted {@code .pub} bytes (the configured profile payload key)
 */
public record InstallRequest(
    ProfileGateRequest gate,
    byte[] payload,
    boolean payloadIsToml,
    byte[] signature,
    byte[] publicKey) {

  public InstallRequest {
    Objects.requireNonNull(gate, "gate");
    payload = payload.clone();
    signature = signature.clone();
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }
}
