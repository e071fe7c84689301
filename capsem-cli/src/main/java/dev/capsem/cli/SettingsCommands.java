package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.InitSettingsRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin settings init|validate|doctor|schema}: Service Settings V2. */
final class SettingsCommands {

  private SettingsCommands() {}

  @Command(name = "settings", description = "Create, validate and describe Service Settings V2.")
  static final class Group extends CommandGroup {}

  @Command(name = "validate", description = "Validate a Service Settings V2 file.")
  static final class Validate extends CapsemCommand {

    @Parameters(paramLabel = "SETTINGS_PATH", description = "The settings file.")
    String path;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Validate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.settings().validate(existingFile(path, "SETTINGS_PATH")), json);
    }
  }

  @Command(name = "doctor", description = "Validate settings and summarise their security posture.")
  static final class Doctor extends CapsemCommand {

    @Parameters(paramLabel = "SETTINGS_PATH", description = "The settings file.")
    String path;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Doctor(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.settings().doctor(existingFile(path, "SETTINGS_PATH")), json);
    }
  }

  @Command(name = "init", description = "Create a valid Service Settings V2 draft.")
  static final class Init extends CapsemCommand {

    @Option(
        names = "--default-profile",
        description = "The default profile id (default: everyday-work).")
    String defaultProfile;

    @Option(names = "--base-dir", description = "A base profiles folder (repeatable).")
    List<String> baseDirs = new ArrayList<>();

    @Option(names = "--corp-dir", description = "A corporate profiles folder (repeatable).")
    List<String> corpDirs = new ArrayList<>();

    @Option(names = "--user-dir", description = "A user profiles folder (repeatable).")
    List<String> userDirs = new ArrayList<>();

    @Option(names = "--assets-dir", description = "Where VM assets are kept.")
    String assetsDir;

    @Option(names = "--format", description = "json or toml (default: from --out, else json).")
    String format;

    @Option(names = "--out", description = "Write to this file instead of standard output.")
    String out;

    @Option(names = "--force", description = "Overwrite an existing --out file.")
    boolean force;

    @Option(names = "--json", description = "Print a JSON report instead of the document.")
    boolean json;

    Init(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(
          capsem
              .settings()
              .init(
                  new InitSettingsRequest(
                      defaultProfile,
                      baseDirs,
                      corpDirs,
                      userDirs,
                      assetsDir,
                      format(format),
                      WorkspaceInputs.path(out),
                      force)),
          json);
    }
  }

  @Command(name = "schema", description = "Print the JSON Schema of Service Settings V2.")
  static final class Schema extends CapsemCommand {

    Schema(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.settings().schema(), false);
    }
  }
}
