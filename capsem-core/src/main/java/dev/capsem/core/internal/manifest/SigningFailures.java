package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SigningException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * A signing key that could not sign, as a coded finding: E420 when it needs a password nobody gave
 * (each face says how to give one), E421 otherwise.
 */
public final class SigningFailures {

  private SigningFailures() {}

  public static Diagnostic of(SigningException e, String keyShown) {
    return e.kind() == SignatureFailureKind.PASSWORD_REQUIRED
        ? Diagnostic.of(
            Code.E420,
            keyShown,
            "",
            null,
            "the key " + keyShown + " is encrypted: give its password")
        : Diagnostic.of(Code.E421, keyShown, "", null, e.getMessage());
  }

  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
