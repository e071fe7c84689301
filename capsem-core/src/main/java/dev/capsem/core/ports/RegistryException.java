package dev.capsem.core.ports;

import java.util.Objects;

/** A registry operation failed; {@link #kind()} says why, the message says where and what. */
public final class RegistryException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a registry operation failed. */
  public enum Kind {
    /** The registry refused the credentials, or asked for some and none were found. */
    UNAUTHORIZED,
    /** No answer, a TLS failure, or plain HTTP to a host that may not use it. */
    UNREACHABLE,
    /** The repository, tag, manifest or blob does not exist. */
    NOT_FOUND,
    /** A fetched blob's bytes do not have the digest its manifest declares. */
    DIGEST_MISMATCH,
    /**
     * The manifest is not one this port publishes: another artifact type, a layer without a safe
     * file name, two layers with one name.
     */
    NOT_AN_ARTIFACT,
    /** Any other refusal or protocol error. */
    FAILED
  }

  private final Kind kind;

  public RegistryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public RegistryException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
