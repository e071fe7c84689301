package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.Host;
import dev.capsem.signing.Blake3;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The lean tree built for a named top-level command holds that command exactly as the whole tree.
 */
class CommandTreeTest {

  private final Capsem capsem =
      Capsem.with(
          new Ports(
              Blake3.hasher(),
              (command, timeout) -> Optional.empty(),
              new Host("linux", Map.of()),
              Clock.systemUTC()));

  @Test
  void eachTopLevelNameOrAlias_getsOnlyThatCommand_withAllItsSubcommands() {
    Map<String, CommandLine> whole = CommandTree.of(capsem).getSubcommands();
    assertThat(whole).containsKeys("hash", "policy", "enforcement", "manifest", "doctor");

    for (Map.Entry<String, CommandLine> entry : whole.entrySet()) {
      if (entry.getKey().equals("help")) {
        continue; // help explains any command: it gets the whole tree (below)
      }
      CommandLine expected = entry.getValue();
      Map<String, CommandLine> lean = CommandTree.forArgs(capsem, entry.getKey()).getSubcommands();

      assertThat(lean.values())
          .as("tree for '%s'", entry.getKey())
          .allSatisfy(
              command -> assertThat(command.getCommandName()).isEqualTo(expected.getCommandName()));
      assertThat(lean).containsKey(entry.getKey());
      assertThat(lean.get(entry.getKey()).getSubcommands().keySet())
          .isEqualTo(expected.getSubcommands().keySet());
    }
  }

  @Test
  void aGroupAndASubcommandName_getOnlyThatSubcommand_andTheGroupAloneGetsThemAll() {
    Map<String, CommandLine> whole = CommandTree.of(capsem).getSubcommands();
    int checked = 0;
    for (Map.Entry<String, CommandLine> group : whole.entrySet()) {
      CommandLine full = group.getValue();
      if (full.getSubcommands().isEmpty() || group.getKey().equals("release")) {
        continue; // commands without subcommands, and release, whose second word is a profile
      }
      for (String sub : full.getSubcommands().keySet()) {
        CommandLine lean =
            CommandTree.forArgs(capsem, group.getKey(), sub, "--json")
                .getSubcommands()
                .get(group.getKey());
        String expected = full.getSubcommands().get(sub).getCommandName();
        assertThat(lean.getSubcommands().values())
            .as("%s %s", group.getKey(), sub)
            .isNotEmpty()
            .allSatisfy(command -> assertThat(command.getCommandName()).isEqualTo(expected));
        checked++;
      }
      for (String second : new String[] {"--help", "nonsense", "-h"}) {
        assertThat(
                CommandTree.forArgs(capsem, group.getKey(), second)
                    .getSubcommands()
                    .get(group.getKey())
                    .getSubcommands())
            .as("%s %s", group.getKey(), second)
            .hasSameSizeAs(full.getSubcommands());
      }
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void releaseSubcommand_withoutTheReleasesProfile_runsTheSubcommand() {
    for (String sub : new String[] {"push", "pull", "catalog", "verify-reproducible"}) {
      Admin.Run help = Admin.run("release", sub, "--help");

      assertThat(help.exitCode()).as(sub + ": " + help.stderr()).isZero();
      assertThat(help.stdout()).startsWith("Usage: capsem-admin release " + sub);
    }
  }

  @Test
  void release_withoutAProfile_isAUsageErrorNamingIt() {
    Admin.Run run = Admin.run("release", "--snapshot");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Missing required parameter: 'PROFILE_PATH'");
  }

  @Test
  void noCommandName_getsTheWholeTree() {
    int whole = CommandTree.of(capsem).getSubcommands().size();

    for (String first : new String[] {"--help", "-V", "nonsense", "HASH", "help"}) {
      assertThat(CommandTree.forArgs(capsem, first).getSubcommands())
          .as("tree for '%s'", first)
          .hasSize(whole);
    }
  }

  @Test
  void noOptionOrParameter_hasATypeWhoseConverterTheLauncherLeavesOut() {
    // CapsemAdmin.main tells picocli not to register its java.sql and java.time converters.
    java.util.List<String> types = new java.util.ArrayList<>();
    java.util.Deque<CommandLine> commands = new java.util.ArrayDeque<>();
    commands.add(CommandTree.of(capsem));
    while (!commands.isEmpty()) {
      CommandLine command = commands.pop();
      commands.addAll(command.getSubcommands().values());
      for (CommandLine.Model.ArgSpec arg : command.getCommandSpec().args()) {
        types.add(arg.type().getName());
        for (Class<?> auxiliary : arg.auxiliaryTypes()) {
          types.add(auxiliary.getName());
        }
      }
    }
    assertThat(types)
        .isNotEmpty()
        .noneMatch(t -> t.startsWith("java.sql.") || t.startsWith("java.time."));
  }
}
