package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.Host;
import dev.capsem.signing.Blake3;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code capsem-admin help WORDS...} shows the help of the command the words name, at any depth.
 */
class HelpCommandTest {

  @Test
  void helpWithTheWordsOfEveryCommand_printsThatCommandsOwnHelp() {
    CommandLine whole =
        CommandTree.of(
            Capsem.with(
                new Ports(
                    Blake3.hasher(),
                    (command, timeout) -> Optional.empty(),
                    new Host("linux", Map.of()),
                    Clock.systemUTC())));
    List<List<String>> paths = new ArrayList<>();
    collect(whole, List.of(), paths);
    paths.removeIf(path -> path.get(0).equals("help"));
    assertThat(paths).hasSizeGreaterThan(50);

    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(List.of("help"));
      args.addAll(path);
      Admin.Run run = Admin.run(args.toArray(String[]::new));

      assertThat(run.exitCode()).as("%s: %s", args, run.stderr()).isZero();
      assertThat(run.stdout())
          .as("%s", args)
          .startsWith("Usage: capsem-admin " + String.join(" ", path) + " ");
    }
  }

  @Test
  void helpAlone_printsCapsemAdminsHelp() {
    Admin.Run run = Admin.run("help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).startsWith("Usage: capsem-admin [-hV] [COMMAND]");
  }

  @Test
  void helpOfAnUnknownSubcommand_isAUsageErrorNamingTheWord() {
    Admin.Run run = Admin.run("help", "image", "bild");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains(
            "Unknown command 'image bild': 'bild' is not a subcommand of 'capsem-admin image'");
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandName().equals(name)) {
                return; // an alias: the command is visited under its name
              }
              List<String> subPath = new ArrayList<>(path);
              subPath.add(name);
              into.add(subPath);
              collect(sub, subPath, into);
            });
  }
}
