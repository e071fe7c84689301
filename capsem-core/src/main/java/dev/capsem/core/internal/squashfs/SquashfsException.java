package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import java.io.IOException;

/**
 * A squashfs image that cannot be read, or a tar stream that cannot be written as one, with its
 * catalogue code: E530 not a squashfs 4.0 image, E531 damaged or hostile structure, E532
 * compression not supported, E533 a block that does not decompress within its size, E534 a path
 * that is not in the image, E535 a damaged tar stream, E536 a tar member squashfs cannot hold.
 */
public final class SquashfsException extends IOException {

  private static final long serialVersionUID = 1L;

  private final Code code;

  public SquashfsException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public SquashfsException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  /** The finding as a diagnostic about {@code file} (as the user named it). */
  public Diagnostic diagnostic(String file) {
    return Diagnostic.of(code, file, "", null, getMessage());
  }

  static SquashfsException corrupt(String message) {
    return new SquashfsException(Code.E531, "squashfs image is damaged: " + message);
  }
}
