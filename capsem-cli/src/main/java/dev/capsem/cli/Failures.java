package dev.capsem.cli;

import dev.capsem.core.diag.Outcome;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;

/**
 * Failures outside a command's own outcome: usage errors, the set-up of the ports, unexpected
 * exceptions. Standard error and the exit code are upstream's; with {@code --json}, standard output
 * carries a {@code capsem.failure.v1} report too, as for every other failure.
 */
final class Failures {

  private final boolean json;
  private final PrintWriter out;
  private final PrintWriter err;

  Failures(String[] args, PrintWriter out, PrintWriter err) {
    this.json = List.of(args).contains("--json");
    this.out = out;
    this.err = err;
  }

  /** Prints usage errors and exceptions of {@code commandLine}'s commands this way. */
  void handleOn(CommandLine commandLine) {
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          int code = usage.handleParseException(exception, arguments);
          report(exception.getMessage());
          return code;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          String why = describe(exception);
          err.print("Error: " + why + "\n");
          if (System.getenv("CAPSEM_DEBUG") != null) {
            exception.printStackTrace(err);
          }
          err.flush();
          report(why);
          return ExitCodes.INVALID;
        });
  }

  /** The ports could not be set up (a bad environment value): a usage error. */
  int setUp(String why) {
    err.print("Error: " + why + "\n");
    err.flush();
    report(why);
    return ExitCodes.USAGE;
  }

  private void report(String why) {
    if (json) {
      new Console(out, err).outJson(Outcome.failed(why, List.of()));
    }
  }

  /** A failure in words, without a stack trace: I/O errors name their file. */
  private static String describe(Exception exception) {
    Throwable cause = exception;
    if (cause instanceof UncheckedIOException unchecked) {
      cause = unchecked.getCause();
    }
    String message = cause.getMessage();
    if (cause instanceof NoSuchFileException) {
      return "no such file: " + message;
    }
    if (cause instanceof AccessDeniedException) {
      return "permission denied: " + message;
    }
    if (message == null || message.isBlank()) {
      return "unexpected " + cause.getClass().getSimpleName() + " (set CAPSEM_DEBUG=1 for details)";
    }
    return message;
  }
}
