package dev.capsem.core.api;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.SignatureFailureKind;
import java.util.List;

/**
 * The outcome of {@code manifest sign}.
 *
 * @param report {@code capsem.manifest-sign.v1}, or {@code null} on failure
 * @param messages {@code signed <manifest>}, {@code signature: <sig>}
 * @param error the reason it failed ({@code manifest signing failed: <reason>}), else {@code null}
 * @param failureKind the key problem behind {@code error} (so that a driving adapter can say how to
 *     pass a password), or {@code null}
 */
public record SignResult(
    ObjectNode report, List<String> messages, String error, SignatureFailureKind failureKind) {

  public static final String SCHEMA = "capsem.manifest-sign.v1";

  public SignResult {
    messages = List.copyOf(messages);
  }

  public boolean ok() {
    return error == null;
  }

  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}
