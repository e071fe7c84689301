package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.PackReport;
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
      var result = capsem.detection().validate(existingFile(path, "DETECTION_PATH"), path);
      return print(result.validation(), json, result.summary());
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
      Path pack = existingFile(path, "DETECTION_PATH");
      if (out != null && Files.isDirectory(Path.of(out))) {
        throw usage("Invalid value for '--out': File '" + out + "' is a directory.");
      }
      PackReport result =
          capsem.detection().compile(pack, path, out == null ? null : Path.of(out), out);
      Console console = console();
      if (!result.ok()) {
        if (json) {
          console.outRaw(result.reportJson());
          return ExitCodes.INVALID;
        }
        return refuse(result);
      }
      if (out == null && !json) {
        console.outRaw(result.document());
      }
      if (json) {
        console.outRaw(result.reportJson());
      } else if (out != null) {
        console.out("compiled " + result.count("rule_count") + " detection rule(s) to " + out);
      }
      return ExitCodes.OK;
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

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Run(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      Path pack = existingFile(path, "DETECTION_PATH");
      Path corpus = existingFile(events, "--events");
      PackReport result = capsem.detection().check(pack, path, corpus, events);
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
                + " finding(s)");
        console.diagnostics(result.diagnostics());
      }
      return ExitCodes.of(result.ok());
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
      console().outRaw(capsem.detection().schema());
      return ExitCodes.OK;
    }
  }
}
