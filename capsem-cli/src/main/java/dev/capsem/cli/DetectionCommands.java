package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin detection validate|compile|check|backtest|schema}. */
final class DetectionCommands {

  private DetectionCommands() {}

  @Command(
      name = "detection",
      description = "Validate detection packs, compile their Sigma to Detection IR, check corpora.")
  static final class Group extends CommandGroup {}

  @Command(
      name = "validate",
      description = "Validate a detection pack envelope (JSON, TOML, YAML or YML).")
  static final class Validate extends CapsemCommand {

    @Parameters(paramLabel = "DETECTION_PATH", description = "The detection pack.")
    String path;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Validate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.detection().validate(existingFile(path, "DETECTION_PATH")), json);
    }
  }

  @Command(name = "compile", description = "Compile a detection pack into Detection IR v1.")
  static final class Compile extends CapsemCommand {

    @Parameters(paramLabel = "DETECTION_PATH", description = "The detection pack.")
    String path;

    @Option(
        names = "--out",
        paramLabel = "OUTPUT_PATH",
        description = "Write the compiled capsem.detection.ir.v1 artifact here.")
    String out;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Compile(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath pack = existingFile(path, "DETECTION_PATH");
      if (out != null && Files.isDirectory(Path.of(out))) {
        throw usage("Invalid value for '--out': File '" + out + "' is a directory.");
      }
      return print(capsem.detection().compile(pack, out == null ? null : GivenPath.of(out)), json);
    }
  }

  /** {@code check} and {@code backtest} are the same command upstream. */
  abstract static class Run extends CapsemCommand {

    @Parameters(paramLabel = "DETECTION_PATH", description = "The detection pack.")
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
        description = "The report the check must give (E223 where it differs).")
    String expected;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Run(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath pack = existingFile(path, "DETECTION_PATH");
      GivenPath corpus = existingFile(events, "--events");
      return print(
          capsem.detection().check(pack, corpus, optionalFile(expected, "--expected")), json);
    }
  }

  @Command(
      name = "check",
      description = "Evaluate a detection pack against policy-context JSONL fixtures.")
  static final class Check extends Run {
    Check(Capsem capsem) {
      super(capsem);
    }
  }

  @Command(
      name = "backtest",
      description = "Backtest a detection pack against policy-context JSONL fixtures.")
  static final class Backtest extends Run {
    Backtest(Capsem capsem) {
      super(capsem);
    }
  }

  @Command(name = "schema", description = "Print the JSON Schema of capsem.detection-pack.v1.")
  static final class Schema extends CapsemCommand {

    Schema(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.detection().schema(), false);
    }
  }
}
