package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command has its goal and every goal its command: docs/faces.md pairs them, and this test
 * holds that table against the generated references (docs/cli.md from the command tree,
 * docs/goals.md from the plugin's descriptor), so a command or goal added without its twin fails.
 */
class FacesParityTest {

  private static final Pattern GOAL = Pattern.compile("`capsem:([a-z-]+)`");

  @Test
  void facesTable_pairsEveryLeafCommandWithAGoal() throws IOException {
    Map<String, List<String>> table = table();

    assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(leafCommands());
    assertThat(table).allSatisfy((command, goals) -> assertThat(goals).isNotEmpty());
  }

  @Test
  void facesTable_namesEveryGoalOfThePluginAndNoOther() throws IOException {
    Set<String> named = new TreeSet<>();
    table().values().forEach(named::addAll);
    named.remove("help"); // Maven's generated help goal, not in the descriptor page

    assertThat(named).isEqualTo(goals());
  }

  /** The table's rows: command to the goals its second column names. */
  private static Map<String, List<String>> table() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(docs("faces.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length < 3 || !cells[1].trim().startsWith("`")) {
        continue;
      }
      String command = cells[1].trim().replace("`", "");
      List<String> goals = new ArrayList<>();
      Matcher m = GOAL.matcher(cells[2]);
      while (m.find()) {
        goals.add(m.group(1));
      }
      assertThat(rows.put(command, goals)).as("row %s twice", command).isNull();
    }
    return rows;
  }

  /** Commands of docs/cli.md that have no subcommands of their own. */
  private static Set<String> leafCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    for (String line : Files.readAllLines(docs("cli.md"))) {
      if (line.startsWith("## `capsem-admin ")) {
        commands.add(line.substring("## `capsem-admin ".length(), line.length() - 1));
      }
    }
    Set<String> leaves = new TreeSet<>();
    for (String command : commands) {
      boolean group =
          commands.stream()
              .anyMatch(other -> other.startsWith(command + " ") && !other.equals(command));
      if (!group || command.equals("release")) {
        leaves.add(command); // release makes a release and groups its two companions
      }
    }
    return leaves;
  }

  /** Goals of docs/goals.md. */
  private static Set<String> goals() throws IOException {
    Set<String> goals = new TreeSet<>();
    for (String line : Files.readAllLines(docs("goals.md"))) {
      Matcher m = Pattern.compile("^## `capsem:([a-z-]+)`").matcher(line);
      if (m.find()) {
        goals.add(m.group(1));
      }
    }
    return goals;
  }

  private static Path docs(String name) {
    return AdminProcess.repositoryRoot().resolve("docs").resolve(name);
  }
}
