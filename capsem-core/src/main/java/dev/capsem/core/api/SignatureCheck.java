package dev.capsem.core.api;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;

/**
 * The outcome of {@code manifest verify-signature}.
 *
 * @param ok whether the signature holds
 * @param message minisign's text: its stdout on success, the failure otherwise (ends in a newline)
 * @param report {@code capsem.manifest-signature-verification.v1}
 */
public record SignatureCheck(boolean ok, String message, ObjectNode report) {

  public static final String SCHEMA = "capsem.manifest-signature-verification.v1";

  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}
