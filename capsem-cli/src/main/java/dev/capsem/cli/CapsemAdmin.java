package dev.capsem.cli;

import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code capsem-admin}: define, validate, build, verify, describe and sign custom Capsem images.
 * Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.
 */
@Command(
    name = "capsem-admin",
    mixinStandardHelpOptions = true,
    versionProvider = CapsemAdmin.Version.class,
    description = "Define, validate, build, verify, describe and sign custom Capsem VM images.")
public final class CapsemAdmin extends CommandGroup {

  public static void main(String[] args) {
    skipPicocliLookupsWeNeverUse();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = execute(args, Capsem.with(StandardPorts.builder(System.getenv()).build()), out, err);
    } catch (IllegalArgumentException e) {
      err.print("Error: " + e.getMessage() + "\n");
      err.flush();
      code = ExitCodes.USAGE;
    }
    System.exit(code);
  }

  /**
   * Two start-up costs of picocli that buy this command line nothing, unless the user set these
   * properties themselves: its probe for Groovy closures looks for a class that is not there, which
   * opens the 35 MB jar the class-data archive otherwise spares (about 10 ms), and its converters
   * for {@code java.sql} and {@code java.time} types, which no option has, are found by reflection
   * (about 10 ms).
   */
  private static void skipPicocliLookupsWeNeverUse() {
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
    }
  }

  /** Runs one command line against {@code capsem}, printing to {@code out} and {@code err}. */
  public static int execute(String[] args, Capsem capsem, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = CommandTree.forArgs(capsem, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().print("Error: " + describe(exception) + "\n");
          if (System.getenv("CAPSEM_DEBUG") != null) {
            exception.printStackTrace(failed.getErr());
          }
          failed.getErr().flush();
          return ExitCodes.INVALID;
        });
    return commandLine.execute(args);
  }

  /** A failure in words, without a stack trace: I/O errors name their file. */
  private static String describe(Exception exception) {
    Throwable cause = exception;
    if (cause instanceof UncheckedIOException unchecked) {
      cause = unchecked.getCause();
    }
    String message = cause.getMessage();
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + message;
    }
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + message;
    }
    if (message == null || message.isBlank()) {
      return "unexpected " + cause.getClass().getSimpleName() + " (set CAPSEM_DEBUG=1 for details)";
    }
    return message;
  }

  /** The version the build stamped into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = CapsemAdmin.class.getResourceAsStream("/capsem-cli.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"capsem-admin " + properties.getProperty("version", "unknown")};
    }
  }
}
