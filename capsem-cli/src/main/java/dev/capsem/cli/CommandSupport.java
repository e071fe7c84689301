package dev.capsem.cli;

import dev.capsem.core.api.DocumentFormat;
import dev.capsem.core.api.Generated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What every command needs: its console, argument checks worded like upstream's, outcome printing.
 */
abstract class CommandSupport {

  abstract CommandSpec spec();

  Console console() {
    return new Console(spec().commandLine().getOut(), spec().commandLine().getErr());
  }

  /** A usage error (exit 2) unless {@code value} is one of {@code allowed}. */
  String choice(String value, String option, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new ParameterException(
          spec().commandLine(),
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

  DocumentFormat format(String value) {
    choice(value, "--format", List.of("json", "toml"));
    return value == null ? null : DocumentFormat.valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** A usage error (exit 2) unless {@code path} names an existing regular file. */
  Path existingFile(String path, String label) {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw usage("Invalid value for '" + label + "': File '" + path + "' does not exist.");
    }
    if (!Files.isRegularFile(file)) {
      throw usage("Invalid value for '" + label + "': File '" + path + "' is a directory.");
    }
    return file;
  }

  /** A usage error (exit 2) unless {@code path} names an existing folder. */
  Path existingDirectory(String path, String label) {
    Path dir = Path.of(path);
    if (!Files.isDirectory(dir)) {
      throw usage("Invalid value for '" + label + "': Directory '" + path + "' does not exist.");
    }
    return dir;
  }

  /**
   * A usage error (exit 2) when {@code path} names an existing regular file (it must be a folder).
   */
  void notAFile(String path, String label) {
    if (Files.isRegularFile(Path.of(path))) {
      throw usage("Invalid value for '" + label + "': Directory '" + path + "' is a file.");
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec().commandLine(), message);
  }

  /**
   * Prints a validation the way upstream does: the JSON report, or the findings on standard error
   * and {@code validText} on standard output when valid.
   */
  int print(dev.capsem.core.api.Validation result, boolean json, String validText) {
    Console console = console();
    if (json) {
      console.outRaw(result.reportJson());
    } else {
      console.diagnostics(result.diagnostics());
      if (result.ok()) {
        console.out(validText);
      }
    }
    return ExitCodes.of(result.ok());
  }

  /**
   * A pack that could not be loaded or compiled: {@code Error: <why>} and the coded findings on
   * standard error, no report, exit 1 (upstream's ClickException).
   */
  int refuse(dev.capsem.core.api.PackReport result) {
    Console console = console();
    console.err("Error: " + result.refusal());
    console.diagnostics(result.diagnostics());
    return ExitCodes.INVALID;
  }

  /** Prints what a document-producing use case did and returns its exit code. */
  int print(Generated generated) {
    Console console = console();
    if (generated.ok()) {
      if (generated.stdout() != null) {
        console.outRaw(generated.stdout());
      }
      generated.messages().forEach(console::out);
      return ExitCodes.OK;
    }
    if (generated.error() != null) {
      console.err("Error: " + generated.error());
    }
    console.diagnostics(generated.diagnostics());
    return ExitCodes.INVALID;
  }
}
