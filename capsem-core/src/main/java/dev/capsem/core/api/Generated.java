package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of a use case that produces documents ({@code init}, {@code init-builtins}): either
 * the text for standard output, or the files it wrote, or why it refused.
 *
 * @param stdout the document when no output file was asked for (ends with a newline), else null
 * @param messages what to tell the user on success ({@code created <path>})
 * @param diagnostics validation findings that made it refuse
 * @param error a refusal that is not a validation finding ({@code <path> already exists; ...})
 */
public record Generated(
    boolean ok, String stdout, List<String> messages, List<Diagnostic> diagnostics, String error) {

  public Generated {
    messages = List.copyOf(messages);
    diagnostics = List.copyOf(diagnostics);
  }

  static Generated printed(String text) {
    return new Generated(
        true, text.endsWith("\n") ? text : text + "\n", List.of(), List.of(), null);
  }

  static Generated wrote(List<String> messages) {
    return new Generated(true, null, messages, List.of(), null);
  }

  static Generated invalid(List<Diagnostic> diagnostics) {
    return new Generated(false, null, List.of(), diagnostics, null);
  }

  static Generated refused(String error) {
    return new Generated(false, null, List.of(), List.of(), error);
  }
}
