package dev.capsem.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code capsem-admin help [COMMAND...]}: the help of the command the words name, at any depth
 * ({@code help image build}). picocli's own help command takes one word and shows the group's help
 * for {@code help image build}.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of a command, named word by word: help image build.")
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command (and subcommand) to show the help of; none for capsem-admin's.")
  List<String> path = new ArrayList<>();

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean helpRequested;

  private CommandLine self;
  private Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public Integer call() {
    CommandLine command = self.getParent();
    for (String word : path) {
      CommandLine next = command.getSubcommands().get(word);
      if (next == null) {
        throw new ParameterException(
            self,
            "Unknown command '"
                + String.join(" ", path)
                + "': '"
                + word
                + "' is not a subcommand of '"
                + command.getCommandSpec().qualifiedName(" ")
                + "'");
      }
      command = next;
    }
    command.usage(out, colors);
    return command.getCommandSpec().exitCodeOnUsageHelp();
  }
}
