package dev.capsem.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The captured {@code policy-detection} cases of upstream f1a612a3: their command lines were run
 * from a folder holding upstream's {@code data/} and {@code schemas/} and the captured {@code
 * inputs/}, so an argument {@code inputs/x} is the captured input and {@code data/x} the upstream
 * file. Read in place.
 */
public final class PolicyDetectionVectors {

  public static final String FOLDER = "captured/f1a612a3/policy-detection";

  /** One line of {@code exit-codes.txt}: case name, exit code, arguments after the group. */
  public record Case(String name, int exitCode, String group, String command, List<String> args) {

    /** The expected stdout (or timing-free JSON) of this case, or {@code null}. */
    public String expected() {
      for (String suffix : List.of(".stdout.json", ".expected.json")) {
        Path file = Conformance.capsem().resolve(FOLDER).resolve(name + suffix);
        if (file.toFile().isFile()) {
          return Conformance.text(FOLDER + "/" + name + suffix);
        }
      }
      return null;
    }
  }

  private PolicyDetectionVectors() {}

  public static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String line : Conformance.text(FOLDER + "/exit-codes.txt").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t");
      String[] words = columns[2].split(" ");
      cases.add(
          new Case(
              columns[0],
              Integer.parseInt(columns[1]),
              words[1],
              words[2],
              List.of(words).subList(3, words.length)));
    }
    return cases;
  }

  public static Case named(String name) {
    return cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * The file behind a command-line path of these cases ({@code inputs/...} or {@code data/...}).
   */
  public static Path file(String argument) {
    return argument.startsWith("inputs/")
        ? Conformance.capsem().resolve(FOLDER).resolve(argument)
        : Conformance.capsem().resolve(argument);
  }
}
