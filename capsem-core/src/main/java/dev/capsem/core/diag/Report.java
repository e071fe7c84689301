package dev.capsem.core.diag;

import java.util.List;

/**
 * What a use case has to show for itself: upstream's two forms of output (the JSON report of {@code
 * --json}, the text printed without it), the checks that failed, and a short account for logs (the
 * Maven log, a release's progress).
 */
public interface Report {

  /** The report as {@code --json} prints it: indented, with one trailing newline. */
  String json();

  /** Writes {@link #json()} to {@code out}; a report too long to hold whole streams it instead. */
  default void writeJson(Appendable out) throws java.io.IOException {
    out.append(json());
  }

  /** Writes {@link #json()} to {@code out} as UTF-8, flushed. */
  default void writeJson(java.io.OutputStream out) throws java.io.IOException {
    out.write(json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * What the command prints on standard output without {@code --json}, each line ending in a
   * newline; may be empty.
   */
  String text();

  /**
   * One line per failed check ({@code arm64/kernel: hash_mismatch assets/arm64/kernel}), which the
   * command line prints on standard error and the Maven log as errors; empty when none failed.
   */
  default List<String> failures() {
    return List.of();
  }

  /**
   * What was done, in a few lines for a log ({@code profile corp.toml is valid (0 warnings)}); the
   * command line prints {@link #text()} instead, which is upstream's.
   */
  default List<String> summary() {
    return List.of();
  }

  /**
   * Whether {@link #text()} already lists every diagnostic, as upstream's workspace lint prints
   * them on standard output; faces then do not print them a second time.
   */
  default boolean listsDiagnostics() {
    return false;
  }
}
