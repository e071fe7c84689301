package dev.capsem.core.diag;

import java.util.List;
import java.util.Objects;

/**
 * What a use case did: the value it produced (which renders upstream's report), the coded
 * diagnostics, and, when it did not succeed, one line saying why. A failed check may still have a
 * value: a validation that found errors has its report.
 *
 * <p>The faces follow one rule: print the value's report or text when there is a value, else {@code
 * Error: <error>}; print the diagnostics; succeed exactly when {@link #ok()}.
 *
 * @param value what the use case produced, or null when it could not produce anything
 * @param diagnostics every finding, warnings included
 * @param error why the use case did not succeed, in one line; null when it did
 */
public record Outcome<T extends Report>(T value, List<Diagnostic> diagnostics, String error) {

  public Outcome {
    diagnostics = List.copyOf(diagnostics);
    if (value == null && error == null) {
      throw new IllegalArgumentException("an outcome without a value must say why");
    }
  }

  /** A value, and the findings that came with it; ok unless one of them is an error. */
  public static <T extends Report> Outcome<T> of(T value, List<Diagnostic> diagnostics) {
    return new Outcome<>(Objects.requireNonNull(value, "value"), diagnostics, null);
  }

  public static <T extends Report> Outcome<T> of(T value) {
    return of(value, List.of());
  }

  /**
   * A value that may record a failed check: not ok, with {@code failure} as the reason, when {@code
   * passed} is false or a diagnostic is an error.
   */
  public static <T extends Report> Outcome<T> checked(
      T value, boolean passed, List<Diagnostic> diagnostics, String failure) {
    boolean ok = passed && diagnostics.stream().noneMatch(Diagnostic::isError);
    return new Outcome<>(Objects.requireNonNull(value, "value"), diagnostics, ok ? null : failure);
  }

  /** Nothing produced: why, and the findings that say where. */
  public static <T extends Report> Outcome<T> failed(String error, List<Diagnostic> diagnostics) {
    return new Outcome<>(null, diagnostics, Objects.requireNonNull(error, "error"));
  }

  public boolean ok() {
    return error == null && diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /**
   * Whether the failure is the machine's (no container engine, no QEMU) rather than the input's.
   */
  public boolean environmentFailure() {
    return diagnostics.stream().anyMatch(d -> d.isError() && d.code().environmental());
  }

  /**
   * The report {@code --json} prints: the value's, or, when there is none, a {@code
   * capsem.failure.v1} report with the error and the diagnostics, so that every failure is JSON
   * too.
   */
  public String json() {
    return value != null ? value.json() : FailureJson.of(error, diagnostics);
  }

  /** Writes {@link #json()} to {@code out}, streaming a report that streams. */
  public void writeJson(Appendable out) throws java.io.IOException {
    if (value != null) {
      value.writeJson(out);
    } else {
      out.append(json());
    }
  }

  /** Writes {@link #json()} to {@code out} as UTF-8, flushed, streaming a report that streams. */
  public void writeJson(java.io.OutputStream out) throws java.io.IOException {
    if (value != null) {
      value.writeJson(out);
    } else {
      out.write(json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** The same outcome with more findings (a step adding what it found to a use case's). */
  public Outcome<T> withDiagnostics(List<Diagnostic> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Diagnostic> all = new java.util.ArrayList<>(more);
    all.addAll(diagnostics);
    return new Outcome<>(value, all, error);
  }
}
