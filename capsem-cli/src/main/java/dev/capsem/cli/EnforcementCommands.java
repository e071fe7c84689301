package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code capsem-admin enforcement validate|compile|backtest|test|schema}, also reachable as {@code
 * policy} (upstream's name, D2).
 */
final class EnforcementCommands {

  private EnforcementCommands() {}

  @Command(
      name = "enforcement",
      aliases = "policy",
      description = "Validate, compile, backtest and test enforcement packs (alias: policy).")
  static final class Group extends CommandGroup {}

  @Command(
      name = "validate",
      description =
          "Validate an enforcement pack or profile-rule file, conditions included (JSON, or TOML"
              + " for any other suffix).")
  static final class Validate extends CapsemCommand {

    @Parameters(paramLabel = "POLICY_PATH", description = "The enforcement file.")
    String path;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Validate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.enforcement().validate(existingFile(path, "POLICY_PATH")), json);
    }
  }

  @Command(name = "compile", description = "Compile every rule's CEL condition.")
  static final class Compile extends CapsemCommand {

    @Parameters(paramLabel = "POLICY_PATH", description = "The enforcement file.")
    String path;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Compile(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.enforcement().compile(existingFile(path, "POLICY_PATH")), json);
    }
  }

  @Command(
      name = "backtest",
      description = "Replay a JSONL corpus of policy contexts through the rules.")
  static final class Backtest extends CapsemCommand {

    @Parameters(paramLabel = "POLICY_PATH", description = "The enforcement file.")
    String path;

    @Option(
        names = "--events",
        required = true,
        paramLabel = "EVENTS_PATH",
        description = "JSONL policy-context fixture file.")
    String events;

    @Option(
        names = "--expected",
        paramLabel = "REPORT",
        description = "The report the backtest must give (E223 where it differs).")
    String expected;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Option(
        names = "--strict",
        description =
            "Fail (E577) when a rule exceeded its CEL evaluation budget on some event; the report"
                + " lists such rules either way.")
    boolean strict;

    Backtest(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath pack = existingFile(path, "POLICY_PATH");
      GivenPath corpus = existingFile(events, "--events");
      return print(
          capsem.enforcement().backtest(pack, corpus, optionalFile(expected, "--expected"), strict),
          json);
    }
  }

  @Command(
      name = "test",
      description =
          "Run a rule-test file (*.enforcement-test.toml): each case's context against the"
              + " expected decision, with per-rule hit counts.")
  static final class Test extends CapsemCommand {

    @Parameters(paramLabel = "TEST_PATH", description = "The rule-test file.")
    String path;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here.")
    String junit;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Test(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath tests = existingFile(path, "TEST_PATH");
      if (junit != null && java.nio.file.Files.isDirectory(java.nio.file.Path.of(junit))) {
        throw usage("Invalid value for '--junit': File '" + junit + "' is a directory.");
      }
      return print(
          capsem.enforcement().test(tests, junit == null ? null : GivenPath.of(junit)), json);
    }
  }

  @Command(name = "schema", description = "Print the JSON Schema of capsem.policy-pack.v1.")
  static final class Schema extends CapsemCommand {

    Schema(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.enforcement().schema(), false);
    }
  }
}
