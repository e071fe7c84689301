package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.DocumentFormat;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A leaf command: its options become one request, the request one use case, the outcome one
 * printout ({@link #print}). The argument checks are worded like upstream's Click.
 */
abstract class CapsemCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  final Capsem capsem;

  CapsemCommand(Capsem capsem) {
    this.capsem = capsem;
  }

  Console console() {
    return new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * Prints an outcome the one way every command does. With {@code --json}: its report on standard
   * output (a {@code capsem.failure.v1} report when it produced none). Without: its text on
   * standard output, its failed checks on standard error. Either way, an outcome that produced no
   * report says {@code Error: <why>} on standard error, as upstream's Click does, then its
   * diagnostics (one that only repeats the why, with no place, is not said twice). Exit 0 when ok,
   * else 1.
   */
  int print(Outcome<? extends Report> outcome, boolean json) {
    Console console = console();
    Report value = outcome.value();
    if (json) {
      console.outJson(outcome);
    } else if (value != null) {
      console.outRaw(value.text());
      value.failures().forEach(console::err);
    }
    if (value == null) {
      console.err("Error: " + outcome.error());
      console.diagnostics(
          outcome.diagnostics().stream()
              .filter(d -> d.file() != null || !d.message().equals(outcome.error()))
              .toList());
    } else if (!json && !value.listsDiagnostics()) {
      console.diagnostics(outcome.diagnostics());
    }
    return ExitCodes.of(outcome.ok());
  }

  /** A failure of the command line's own (options that do not go together), printed alike. */
  int fail(String error, boolean json) {
    return print(Outcome.failed(error, List.of()), json);
  }

  /** A usage error (exit 2) unless {@code value} is one of {@code allowed}. */
  String choice(String value, String option, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw usage(
          "Invalid value for '"
              + option
              + "': '"
              + value
              + "' is not one of "
              + String.join(", ", allowed.stream().map(a -> "'" + a + "'").toList())
              + ".");
    }
    return value;
  }

  /** {@code --format json|toml}, or null when not given. */
  DocumentFormat format(String value) {
    choice(value, "--format", List.of("json", "toml"));
    return value == null ? null : DocumentFormat.valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** A usage error (exit 2) unless {@code path} names an existing regular file. */
  GivenPath existingFile(String path, String label) {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw usage("Invalid value for '" + label + "': File '" + path + "' does not exist.");
    }
    if (!Files.isRegularFile(file)) {
      throw usage("Invalid value for '" + label + "': File '" + path + "' is a directory.");
    }
    return GivenPath.of(path);
  }

  /** The same for an option that may be absent. */
  GivenPath optionalFile(String path, String label) {
    return path == null ? null : existingFile(path, label);
  }

  /** A usage error (exit 2) unless {@code path} names an existing folder. */
  GivenPath existingDirectory(String path, String label) {
    if (!Files.isDirectory(Path.of(path))) {
      throw usage("Invalid value for '" + label + "': Directory '" + path + "' does not exist.");
    }
    return GivenPath.of(path);
  }

  /** A usage error (exit 2) when {@code path} names an existing regular file (not a folder). */
  GivenPath notAFile(String path, String label) {
    if (path != null && Files.isRegularFile(Path.of(path))) {
      throw usage("Invalid value for '" + label + "': Directory '" + path + "' is a file.");
    }
    return path == null ? null : GivenPath.of(path);
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
