package dev.capsem.core.api;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.SignatureFailureKind;
import java.util.List;

/**
 * The outcome of signing several files ({@code capsem.release-signatures.v1}).
 *
 * @param signed the signatures written this time ({@code <file>.minisig} as the user named it)
 * @param kept the signatures kept because nothing they cover changed
 * @param error why signing failed, or null
 * @param failureKind the key problem behind {@code error}, or null
 */
public record SignedFiles(
    ObjectNode report,
    List<String> signed,
    List<String> kept,
    String error,
    SignatureFailureKind failureKind) {

  public static final String SCHEMA = "capsem.release-signatures.v1";

  public SignedFiles {
    signed = List.copyOf(signed);
    kept = List.copyOf(kept);
  }

  public boolean ok() {
    return error == null;
  }

  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}
