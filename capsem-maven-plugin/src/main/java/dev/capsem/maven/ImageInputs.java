package dev.capsem.maven;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Checks and conversions the image goals share. */
final class ImageInputs {

  static final List<String> ARCHES = List.of("all", "arm64", "x86_64");

  private ImageInputs() {}

  /** Fails unless {@code value} is one of {@code allowed}, naming the parameter. */
  static void requireChoice(String value, String parameter, List<String> allowed)
      throws MojoFailureException {
    if (!allowed.contains(value)) {
      throw new MojoFailureException(
          "capsem." + parameter + " must be one of " + String.join(", ", allowed) + ": " + value);
    }
  }

  /** Fails with E016 when the assets folder does not exist. */
  static void requireDirectory(File dir, String shown, String parameter)
      throws MojoFailureException {
    if (!dir.isDirectory()) {
      throw new MojoFailureException(
          "E016 "
              + shown
              + ": Missing config directory: the assets folder does not exist (set <"
              + parameter
              + "> or -Dcapsem."
              + parameter
              + ")");
    }
  }

  static GivenPath given(File file, String shown) {
    return new GivenPath(file.toPath(), shown);
  }

  /**
   * A use case that could not start: log {@code Error: ...} and the offending file's diagnostics,
   * then fail once with all of them.
   */
  static MojoFailureException refused(Log log, String error, List<Diagnostic> diagnostics) {
    List<String> lines = new ArrayList<>();
    lines.add(error);
    for (Diagnostic d : diagnostics) {
      lines.add(DiagnosticText.compact(d));
    }
    lines.forEach(log::error);
    return new MojoFailureException(String.join("\n", lines));
  }
}
