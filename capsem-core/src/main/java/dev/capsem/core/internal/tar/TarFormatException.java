package dev.capsem.core.internal.tar;

import java.io.IOException;

/** The stream is not a well-formed tar archive; the message says what and where. */
public final class TarFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  TarFormatException(String message) {
    super(message);
  }
}
