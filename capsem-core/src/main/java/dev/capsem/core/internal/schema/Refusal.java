package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;

/** Why a custom check rejects a value: a code and upstream's message. */
public record Refusal(Code code, String message) {

  /** A custom validator's refusal, worded as Pydantic words a {@code ValueError}. */
  public static Refusal valueError(Code code, String text) {
    return new Refusal(code, "Value error, " + text);
  }
}
