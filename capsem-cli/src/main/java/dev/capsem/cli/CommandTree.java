package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree of {@code capsem-admin}, in the order the help lists it. For a command line
 * whose first argument names a top-level command only that command is built: picocli reads a
 * command's annotations when it is added, which for the whole tree takes about a quarter of a
 * second of start-up that {@code capsem-admin hash} and the others need not wait for. Without a
 * command name (help, version, a usage error) the tree is whole.
 */
final class CommandTree {

  /** A top-level command: its class (for its names) and how to build it with its subcommands. */
  private record TopLevel(Class<?> type, Function<Capsem, CommandLine> build) {}

  private static final List<TopLevel> TOP_LEVEL =
      List.of(
          group(
              ProfileCommands.Group.class,
              new ProfileCommands.Group(),
              ProfileCommands.Init::new,
              ProfileCommands.InitBuiltins::new,
              ProfileCommands.Validate::new,
              ProfileCommands.Schema::new),
          group(
              SettingsCommands.Group.class,
              new SettingsCommands.Group(),
              SettingsCommands.Init::new,
              SettingsCommands.Validate::new,
              SettingsCommands.Doctor::new,
              SettingsCommands.Schema::new),
          group(
              WorkspaceCommands.Group.class,
              new WorkspaceCommands.Group(),
              WorkspaceCommands.Validate::new),
          group(
              ImageCommands.Group.class,
              new ImageCommands.Group(),
              ImageCommands.Plan::new,
              ImageCommands.BuildWorkspace::new,
              ImageCommands.Build::new,
              ImageCommands.Verify::new,
              ImageCommands.Sbom::new,
              ImageCommands.Ls::new,
              ImageCommands.Cat::new,
              ImageTestCommand::new),
          new TopLevel(
              ReleaseCommands.Release.class,
              capsem ->
                  new CommandLine(new ReleaseCommands.Release(capsem))
                      .addSubcommand(new ReleaseCommands.VerifyReproducible(capsem))
                      .addSubcommand(new ReleaseCommands.Catalog(capsem))),
          group(
              EnforcementCommands.Group.class,
              new EnforcementCommands.Group(),
              EnforcementCommands.Validate::new,
              EnforcementCommands.Compile::new,
              EnforcementCommands.Backtest::new,
              EnforcementCommands.Test::new,
              EnforcementCommands.Schema::new),
          group(
              DetectionCommands.Group.class,
              new DetectionCommands.Group(),
              DetectionCommands.Validate::new,
              DetectionCommands.Compile::new,
              DetectionCommands.Check::new,
              DetectionCommands.Backtest::new,
              DetectionCommands.Schema::new),
          new TopLevel(DoctorCommand.class, capsem -> new CommandLine(new DoctorCommand(capsem))),
          group(
              ManifestCommands.Group.class,
              new ManifestCommands.Group(),
              ManifestCommands.Assets::new,
              ManifestCommands.Generate::new,
              ManifestCommands.Check::new,
              ManifestCommands.Resolve::new,
              ManifestCommands.Sign::new,
              ManifestCommands.VerifySignature::new),
          group(KeyCommands.Group.class, new KeyCommands.Group(), KeyCommands.Generate::new),
          new TopLevel(HashCommand.class, capsem -> new CommandLine(new HashCommand(capsem))));

  private CommandTree() {}

  /** The whole tree. */
  static CommandLine of(Capsem capsem) {
    return of(capsem, null);
  }

  /** The tree a command line whose first argument is {@code first} needs. */
  static CommandLine of(Capsem capsem, String first) {
    CommandLine root = new CommandLine(new CapsemAdmin());
    boolean named = TOP_LEVEL.stream().anyMatch(top -> names(top.type()).contains(first));
    for (TopLevel top : TOP_LEVEL) {
      if (!named || names(top.type()).contains(first)) {
        root.addSubcommand(top.build().apply(capsem));
      }
    }
    if (!named) {
      root.addSubcommand(new CommandLine.HelpCommand());
    }
    withHelp(root);
    return root;
  }

  /** A group whose subcommands each take the {@link Capsem} instance. */
  @SafeVarargs
  private static TopLevel group(
      Class<?> type, Object group, Function<Capsem, CapsemCommand>... subcommands) {
    return new TopLevel(
        type,
        capsem -> {
          CommandLine line = new CommandLine(group);
          for (Function<Capsem, CapsemCommand> subcommand : subcommands) {
            line.addSubcommand(subcommand.apply(capsem));
          }
          return line;
        });
  }

  /** {@code --help}/{@code -h} and {@code --version}/{@code -V} on every command and group. */
  private static void withHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    command.getSubcommands().values().stream()
        .distinct()
        .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
        .forEach(CommandTree::withHelp);
  }

  /** The name and aliases from the command's annotation, as picocli matches them. */
  private static List<String> names(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    List<String> names = new ArrayList<>(List.of(annotation.aliases()));
    names.add(annotation.name());
    return names;
  }
}
