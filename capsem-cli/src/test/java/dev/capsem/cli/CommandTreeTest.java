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
      Map<String, CommandLine> lean = CommandTree.of(capsem, entry.getKey()).getSubcommands();

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
  void noCommandName_getsTheWholeTree() {
    int whole = CommandTree.of(capsem).getSubcommands().size();

    for (String first : new String[] {"--help", "-V", "nonsense", "HASH", "help"}) {
      assertThat(CommandTree.of(capsem, first).getSubcommands())
          .as("tree for '%s'", first)
          .hasSize(whole);
    }
  }
}
