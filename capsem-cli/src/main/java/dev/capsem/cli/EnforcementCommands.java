package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.PackReport;
import dev.capsem.core.api.RuleTestOutcome;
import dev.capsem.core.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      var result = capsem.enforcement().validate(existingFile(path, "POLICY_PATH"), path);
      return print(result.validation(), json, result.summary());
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
      PackReport result = capsem.enforcement().compile(existingFile(path, "POLICY_PATH"), path);
      if (result.report() == null) {
        return refuse(result);
      }
      Console console = console();
      if (json) {
        console.outRaw(result.reportJson());
      } else if (result.ok()) {
        console.out("compiled " + result.count("rule_count") + " policy rule(s)");
      }
      if (!json) {
        console.diagnostics(result.diagnostics());
      }
      return ExitCodes.of(result.ok());
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
      Path pack = existingFile(path, "POLICY_PATH");
      Path corpus = existingFile(events, "--events");
      PackReport result = capsem.enforcement().backtest(pack, path, corpus, events, strict);
      if (result.report() == null) {
        return refuse(result);
      }
      Console console = console();
      if (json) {
        console.outRaw(result.reportJson());
      } else {
        console.out(
            "checked "
                + result.count("event_count")
                + " event(s), "
                + result.count("match_count")
                + " enforcement match(es)");
        console.diagnostics(result.diagnostics());
      }
      return ExitCodes.of(result.ok());
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
      RuleTestOutcome result = capsem.enforcement().test(existingFile(path, "TEST_PATH"), path);
      Console console = console();
      if (result.report() == null) {
        console.err("Error: " + result.refusal());
        console.diagnostics(result.diagnostics());
        return ExitCodes.INVALID;
      }
      if (junit != null) {
        Path target = Path.of(junit);
        if (Files.isDirectory(target)) {
          throw usage("Invalid value for '--junit': File '" + junit + "' is a directory.");
        }
        try {
          AtomicFiles.writeString(target, result.junitXml());
        } catch (IOException e) {
          console.err("Error: cannot write " + junit + ": " + e.getMessage());
          return ExitCodes.INVALID;
        }
      }
      if (json) {
        console.outRaw(result.reportJson());
      } else {
        result.lines().forEach(console::out);
        console.diagnostics(result.diagnostics());
      }
      return ExitCodes.of(result.ok());
    }
  }

  @Command(name = "schema", description = "Print the JSON Schema of capsem.policy-pack.v1.")
  static final class Schema extends CapsemCommand {

    Schema(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      console().outRaw(capsem.enforcement().schema());
      return ExitCodes.OK;
    }
  }
}
