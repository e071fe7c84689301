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
    PrintWriter out = new StandardOutput(System.out);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = execute(args, Capsem.with(StandardPorts.builder(System.getenv()).build()), out, err);
    } catch (IllegalArgumentException e) {
      code = new Failures(args, out, err).setUp(e.getMessage());
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
    new Failures(args, out, err).handleOn(commandLine);
    return commandLine.execute(args);
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
