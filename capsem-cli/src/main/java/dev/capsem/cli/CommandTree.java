package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree of {@code capsem-admin}, in the order the help lists it. For a command line
 * whose first argument names a top-level command only that command is built, and of a group only
 * the subcommand its second argument names: picocli reads a command's annotations when it is added,
 * which for the whole tree takes about a quarter of a second of start-up that {@code capsem-admin
 * hash} and the others need not wait for. Without a command name (help, version, a usage error) the
 * tree is whole, and a group without a subcommand name has all of them.
 */
final class CommandTree {

  /**
   * A top-level command: its class (for its names) and how to build it with its subcommands, given
   * the command line's second argument (or null).
   */
  private record TopLevel(Class<?> type, BiFunction<Capsem, String, CommandLine> build) {}

  /** A subcommand of a group: its class (for its names) and how to build it. */
  private record Sub(Class<? extends CapsemCommand> type, Function<Capsem, CapsemCommand> build) {}

  private static final List<TopLevel> TOP_LEVEL =
      List.of(
          group(
              ProfileCommands.Group.class,
              new ProfileCommands.Group(),
              sub(ProfileCommands.Init.class, ProfileCommands.Init::new),
              sub(ProfileCommands.InitBuiltins.class, ProfileCommands.InitBuiltins::new),
              sub(ProfileCommands.Validate.class, ProfileCommands.Validate::new),
              sub(ProfileCommands.Schema.class, ProfileCommands.Schema::new)),
          group(
              SettingsCommands.Group.class,
              new SettingsCommands.Group(),
              sub(SettingsCommands.Init.class, SettingsCommands.Init::new),
              sub(SettingsCommands.Validate.class, SettingsCommands.Validate::new),
              sub(SettingsCommands.Doctor.class, SettingsCommands.Doctor::new),
              sub(SettingsCommands.Schema.class, SettingsCommands.Schema::new)),
          group(
              WorkspaceCommands.Group.class,
              new WorkspaceCommands.Group(),
              sub(WorkspaceCommands.Validate.class, WorkspaceCommands.Validate::new)),
          group(
              ImageCommands.Group.class,
              new ImageCommands.Group(),
              sub(ImageCommands.Plan.class, ImageCommands.Plan::new),
              sub(ImageCommands.BuildWorkspace.class, ImageCommands.BuildWorkspace::new),
              sub(ImageCommands.Build.class, ImageCommands.Build::new),
              sub(ImageCommands.Verify.class, ImageCommands.Verify::new),
              sub(ImageCommands.Sbom.class, ImageCommands.Sbom::new),
              sub(ImageCommands.Lock.class, ImageCommands.Lock::new),
              sub(ImageCommands.Ls.class, ImageCommands.Ls::new),
              sub(ImageCommands.Cat.class, ImageCommands.Cat::new),
              sub(ImageTestCommand.class, ImageTestCommand::new)),
          new TopLevel(
              ReleaseCommands.Release.class,
              (capsem, second) ->
                  new CommandLine(new ReleaseCommands.Release(capsem))
                      .addSubcommand(new ReleaseCommands.VerifyReproducible(capsem))
                      .addSubcommand(new ReleaseCommands.Catalog(capsem))
                      .addSubcommand(new ReleaseCommands.Push(capsem))
                      .addSubcommand(new ReleaseCommands.Pull(capsem))),
          group(
              EnforcementCommands.Group.class,
              new EnforcementCommands.Group(),
              sub(EnforcementCommands.Validate.class, EnforcementCommands.Validate::new),
              sub(EnforcementCommands.Compile.class, EnforcementCommands.Compile::new),
              sub(EnforcementCommands.Backtest.class, EnforcementCommands.Backtest::new),
              sub(EnforcementCommands.Test.class, EnforcementCommands.Test::new),
              sub(EnforcementCommands.Schema.class, EnforcementCommands.Schema::new)),
          group(
              DetectionCommands.Group.class,
              new DetectionCommands.Group(),
              sub(DetectionCommands.Validate.class, DetectionCommands.Validate::new),
              sub(DetectionCommands.Compile.class, DetectionCommands.Compile::new),
              sub(DetectionCommands.Check.class, DetectionCommands.Check::new),
              sub(DetectionCommands.Backtest.class, DetectionCommands.Backtest::new),
              sub(DetectionCommands.Schema.class, DetectionCommands.Schema::new)),
          new TopLevel(
              DoctorCommand.class, (capsem, second) -> new CommandLine(new DoctorCommand(capsem))),
          group(
              ManifestCommands.Group.class,
              new ManifestCommands.Group(),
              sub(ManifestCommands.Assets.class, ManifestCommands.Assets::new),
              sub(ManifestCommands.Generate.class, ManifestCommands.Generate::new),
              sub(ManifestCommands.Check.class, ManifestCommands.Check::new),
              sub(ManifestCommands.Resolve.class, ManifestCommands.Resolve::new),
              sub(ManifestCommands.Sign.class, ManifestCommands.Sign::new),
              sub(ManifestCommands.VerifySignature.class, ManifestCommands.VerifySignature::new)),
          group(
              ProvenanceCommands.Group.class,
              new ProvenanceCommands.Group(),
              sub(ProvenanceCommands.Verify.class, ProvenanceCommands.Verify::new)),
          group(
              KeyCommands.Group.class,
              new KeyCommands.Group(),
              sub(KeyCommands.Generate.class, KeyCommands.Generate::new)),
          new TopLevel(
              HashCommand.class, (capsem, second) -> new CommandLine(new HashCommand(capsem))));

  private CommandTree() {}

  /** The whole tree. */
  static CommandLine of(Capsem capsem) {
    return of(capsem, null, null);
  }

  /** The tree the command line {@code args} needs. */
  static CommandLine forArgs(Capsem capsem, String... args) {
    return of(capsem, args.length > 0 ? args[0] : null, args.length > 1 ? args[1] : null);
  }

  /** The tree a command line whose first arguments are {@code first} and {@code second} needs. */
  static CommandLine of(Capsem capsem, String first, String second) {
    CommandLine root = new CommandLine(new CapsemAdmin());
    boolean named = TOP_LEVEL.stream().anyMatch(top -> names(top.type()).contains(first));
    for (TopLevel top : TOP_LEVEL) {
      if (!named) {
        root.addSubcommand(top.build().apply(capsem, null));
      } else if (names(top.type()).contains(first)) {
        root.addSubcommand(top.build().apply(capsem, second));
      }
    }
    if (!named) {
      root.addSubcommand(new HelpCommand());
    }
    withHelp(root);
    return root;
  }

  private static Sub sub(
      Class<? extends CapsemCommand> type, Function<Capsem, CapsemCommand> build) {
    return new Sub(type, build);
  }

  /**
   * A group whose subcommands each take the {@link Capsem} instance: only the one {@code second}
   * names, or all when it names none ({@code --help}, a typo picocli suggests a name for).
   */
  private static TopLevel group(Class<?> type, Object group, Sub... subcommands) {
    return new TopLevel(
        type,
        (capsem, second) -> {
          boolean named =
              Arrays.stream(subcommands).anyMatch(sub -> names(sub.type()).contains(second));
          CommandLine line = new CommandLine(group);
          for (Sub subcommand : subcommands) {
            if (!named || names(subcommand.type()).contains(second)) {
              line.addSubcommand(subcommand.build().apply(capsem));
            }
          }
          return line;
        });
  }

  /** {@code --help}/{@code -h} and {@code --version}/{@code -V} on every command and group. */
  private static void withHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    command.getSubcommands().values().stream()
        .distinct()
        .filter(sub -> !(sub.getCommand() instanceof HelpCommand))
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
