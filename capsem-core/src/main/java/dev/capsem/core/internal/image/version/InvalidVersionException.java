package dev.capsem.core.internal.image.version;

/** A version or range that its ecosystem cannot read; the message says what and why. */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String message) {
    super(message);
  }
}
