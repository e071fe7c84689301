package dev.capsem.core.internal.compat;

import dev.capsem.core.diag.Code;
import java.util.Objects;

/**
 * Why a gate said no: a catalogue code for the kind of refusal and upstream's (or our) message.
 *
 * @param code E410–E414
 * @param message the sentence to show, naming the version, revision or file at fault
 */
public record GateRefusal(Code code, String message) {

  public GateRefusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
