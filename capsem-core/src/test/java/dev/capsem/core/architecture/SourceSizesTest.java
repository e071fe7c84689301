package dev.capsem.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size rules count what a reader reads: code, not options, comments or nested classes. */
class SourceSizesTest {

  private static final String COMMANDS =
      """
      package x;

      /** Two commands. */
      final class Commands {

        private Commands() {}

        @Command(
            name = "plan",
            description = "Print { the plan }.")
        static final class Plan extends CapsemCommand {

          @Option(
              names = "--arch",
              description = "all, arm64 or x86_64.")
          String arch;

          @Parameters(paramLabel = "PROFILE") String profile;

          // a comment { with a brace
          @Override
          public Integer call() {
            String text = "}";
            return print(text);
          }

          /** Nested classes count for themselves. */
          record Inner(String a) {
            Inner {
              check(a);
            }
          }
        }
      }
      """;

  @Test
  void classes_commandWithOptionsCommentsAndNestedRecord_countsOnlyItsOwnCode(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("Commands.java"), COMMANDS);

    List<SourceSizes.ClassSize> classes = SourceSizes.classes(dir);

    assertThat(classes)
        .extracting(SourceSizes.ClassSize::name, SourceSizes.ClassSize::codeLines)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Commands", 1),
            org.assertj.core.groups.Tuple.tuple("Commands.Plan", 5),
            org.assertj.core.groups.Tuple.tuple("Commands.Plan.Inner", 3));
    assertThat(classes.get(1).annotations()).containsExactly("Command");
  }

  @Test
  void files_countEveryLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Commands.java"), COMMANDS);

    assertThat(SourceSizes.files(dir)).extracting(SourceSizes.FileSize::lines).containsExactly(34);
  }
}
