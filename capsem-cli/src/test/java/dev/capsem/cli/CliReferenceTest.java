package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.Host;
import dev.capsem.signing.Blake3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * docs/cli.md is every command's own {@code --help}, collected on one page; this test keeps the
 * page current. Regenerate with {@code mvn -pl capsem-cli test -Dtest=CliReferenceTest
 * -Dcapsem.updateDocs=true}.
 */
class CliReferenceTest {

  private static final Path PAGE = Path.of("..", "docs", "cli.md");

  @Test
  void cliPage_matchesEveryCommandsHelp() throws Exception {
    Ports ports =
        new Ports(
            Blake3.hasher(),
            (command, timeout) -> Optional.empty(),
            new Host("linux", Map.of()),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    CommandLine root = CommandTree.of(Capsem.with(ports));
    StringBuilder page =
        new StringBuilder("# capsem-admin command reference\n\n")
            .append(
                "Every command's `--help`, collected; `CliReferenceTest` keeps this page current.\n")
            .append("Exit codes: `0` ok, `1` invalid input or a failed check, `2` usage error.\n");
    describe(root, page);

    if (Boolean.getBoolean("capsem.updateDocs")) {
      Files.writeString(PAGE, page.toString(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as(
            "docs/cli.md is out of date; regenerate it with: mvn -pl capsem-cli test"
                + " -Dtest=CliReferenceTest -Dcapsem.updateDocs=true")
        .isEqualTo(page.toString());
  }

  private static void describe(CommandLine command, StringBuilder page) {
    String name = command.getCommandSpec().qualifiedName(" ");
    page.append("\n## `")
        .append(name)
        .append("`\n\n```\n")
        .append(command.getUsageMessage(Ansi.OFF).stripTrailing())
        .append("\n```\n");
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandName()
          .equals(
              command.getSubcommands().entrySet().stream()
                  .filter(e -> e.getValue() == sub)
                  .findFirst()
                  .orElseThrow()
                  .getKey())) {
        describe(sub, page);
      }
    }
  }
}
