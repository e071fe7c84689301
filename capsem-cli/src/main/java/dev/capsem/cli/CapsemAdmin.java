package dev.capsem.cli;

import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /** Runs one command line against {@code capsem}, printing to {@code out} and {@code err}. */
  public static int execute(String[] args, Capsem capsem, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(capsem, args.length > 0 ? args[0] : null);
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

  /** The top-level commands, in the order the help lists them. */
  private static final List<Class<?>> TOP_LEVEL =
      List.of(
          ProfileCommands.Group.class,
          SettingsCommands.Group.class,
          WorkspaceCommands.Group.class,
          ImageCommands.Group.class,
          ReleaseCommands.Release.class,
          EnforcementCommands.Group.class,
          DetectionCommands.Group.class,
          DoctorCommand.class,
          ManifestCommands.Group.class,
          ProvenanceCommands.Group.class,
          KeyCommands.Group.class,
          HashCommand.class);

  /** The whole command tree. */
  static CommandLine commandLine(Capsem capsem) {
    return commandLine(capsem, null);
  }

  /**
   * The command tree for a command line whose first argument is {@code first}: when that names a
   * top-level command, only that command is added. Picocli reads a command's annotations when it is
   * added, which for the whole tree takes about a quarter of a second of start-up that {@code
   * capsem-admin hash} and the others need not wait for. Without a command name (help, version, a
   * usage error) the tree is whole.
   */
  static CommandLine commandLine(Capsem capsem, String first) {
    CommandLine root = new CommandLine(new CapsemAdmin());
    Wanted wanted = new Wanted(first);
    if (wanted.includes(ProfileCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new ProfileCommands.Group())
              .addSubcommand(new ProfileCommands.Init(capsem))
              .addSubcommand(new ProfileCommands.InitBuiltins(capsem))
              .addSubcommand(new ProfileCommands.Validate(capsem))
              .addSubcommand(new ProfileCommands.Schema(capsem)));
    }
    if (wanted.includes(SettingsCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new SettingsCommands.Group())
              .addSubcommand(new SettingsCommands.Init(capsem))
              .addSubcommand(new SettingsCommands.Validate(capsem))
              .addSubcommand(new SettingsCommands.Doctor(capsem))
              .addSubcommand(new SettingsCommands.Schema(capsem)));
    }
    if (wanted.includes(WorkspaceCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new WorkspaceCommands.Group())
              .addSubcommand(new WorkspaceCommands.Validate(capsem)));
    }
    if (wanted.includes(ImageCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new ImageCommands.Group())
              .addSubcommand(new ImageCommands.Plan(capsem))
              .addSubcommand(new ImageCommands.BuildWorkspace(capsem))
              .addSubcommand(new ImageCommands.Build(capsem))
              .addSubcommand(new ImageCommands.Verify(capsem))
              .addSubcommand(new ImageCommands.Sbom(capsem))
              .addSubcommand(new ImageCommands.Lock(capsem)));
    }
    if (wanted.includes(ReleaseCommands.Release.class)) {
      root.addSubcommand(
          new CommandLine(new ReleaseCommands.Release(capsem))
              .addSubcommand(new ReleaseCommands.VerifyReproducible(capsem))
              .addSubcommand(new ReleaseCommands.Catalog(capsem))
              .addSubcommand(new ReleaseCommands.Push(capsem))
              .addSubcommand(new ReleaseCommands.Pull(capsem)));
    }
    if (wanted.includes(ProvenanceCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new ProvenanceCommands.Group())
              .addSubcommand(new ProvenanceCommands.Verify(capsem)));
    }
    if (wanted.includes(EnforcementCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new EnforcementCommands.Group())
              .addSubcommand(new EnforcementCommands.Validate(capsem))
              .addSubcommand(new EnforcementCommands.Compile(capsem))
              .addSubcommand(new EnforcementCommands.Backtest(capsem))
              .addSubcommand(new EnforcementCommands.Test(capsem))
              .addSubcommand(new EnforcementCommands.Schema(capsem)));
    }
    if (wanted.includes(DetectionCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new DetectionCommands.Group())
              .addSubcommand(new DetectionCommands.Validate(capsem))
              .addSubcommand(new DetectionCommands.Compile(capsem))
              .addSubcommand(new DetectionCommands.Check(capsem))
              .addSubcommand(new DetectionCommands.Backtest(capsem))
              .addSubcommand(new DetectionCommands.Schema(capsem)));
    }
    if (wanted.includes(DoctorCommand.class)) {
      root.addSubcommand(new DoctorCommand(capsem));
    }
    if (wanted.includes(ManifestCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new ManifestCommands.Group())
              .addSubcommand(new ManifestCommands.Assets(capsem))
              .addSubcommand(new ManifestCommands.Generate(capsem))
              .addSubcommand(new ManifestCommands.Check(capsem))
              .addSubcommand(new ManifestCommands.Resolve(capsem))
              .addSubcommand(new ManifestCommands.Sign(capsem))
              .addSubcommand(new ManifestCommands.VerifySignature(capsem)));
    }
    if (wanted.includes(KeyCommands.Group.class)) {
      root.addSubcommand(
          new CommandLine(new KeyCommands.Group()).addSubcommand(new KeyCommands.Generate(capsem)));
    }
    if (wanted.includes(HashCommand.class)) {
      root.addSubcommand(new HashCommand(capsem));
    }
    if (wanted.all()) {
      root.addSubcommand(new CommandLine.HelpCommand());
    }
    withHelp(root);
    return root;
  }

  /** {@code --help}/{@code -h} and {@code --version}/{@code -V} on every command and group. */
  private static void withHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    command.getSubcommands().values().stream()
        .distinct()
        .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
        .forEach(CapsemAdmin::withHelp);
  }

  /** Which top-level commands a command line needs. */
  private static final class Wanted {
    private final String first;
    private final boolean all;

    Wanted(String first) {
      this.first = first;
      boolean named = false;
      for (Class<?> command : TOP_LEVEL) {
        named |= names(command).contains(first);
      }
      this.all = !named;
    }

    /** Whether the whole tree is wanted (help, version, a usage error). */
    boolean all() {
      return all;
    }

    boolean includes(Class<?> command) {
      return all || names(command).contains(first);
    }

    /** The name and aliases from the command's annotation, as picocli matches them. */
    static List<String> names(Class<?> command) {
      Command annotation = command.getAnnotation(Command.class);
      List<String> names = new ArrayList<>(List.of(annotation.aliases()));
      names.add(annotation.name());
      return names;
    }
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
