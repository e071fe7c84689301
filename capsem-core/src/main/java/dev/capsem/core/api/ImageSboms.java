package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@code image sbom}: one document per selected architecture, written or to print.
 *
 * @param documents in architecture order; empty when refused
 * @param stdout what the command prints: the document (no {@code --out-dir}) or {@code wrote <n>
 *     SBOMs to <dir>}; {@code null} when refused
 * @param error upstream's {@code Error:} text, or {@code null}
 */
public record ImageSboms(
    List<Document> documents, String stdout, String error, List<Diagnostic> diagnostics) {

  /**
   * One SPDX document.
   *
   * @param file where it was written, or {@code null} when printed
   * @param shownAs that file as the user named the folder ({@code
   *     sboms/arm64/guest-sbom.spdx.json})
   * @param json the document with its trailing newline
   */
  public record Document(String arch, Path file, String shownAs, String json) {}

  public ImageSboms {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }

  static ImageSboms refused(String error, List<Diagnostic> diagnostics) {
    return new ImageSboms(List.of(), null, error, diagnostics);
  }

  public boolean ok() {
    return error == null;
  }
}
