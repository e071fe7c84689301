package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.InitBuiltinsRequest;
import dev.capsem.core.api.InitProfileRequest;
import dev.capsem.core.diag.GivenPath;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin profile init|init-builtins|validate|schema}. */
final class ProfileCommands {

  private ProfileCommands() {}

  @Command(name = "profile", description = "Create, validate and describe Profile V2 payloads.")
  static final class Group extends CommandGroup {}

  @Command(
      name = "validate",
      description = "Validate a Profile V2 file (JSON, or TOML for any other suffix).")
  static final class Validate extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile to validate.")
    String path;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Validate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.profiles().validate(existingFile(path, "PROFILE_PATH")), json);
    }
  }

  @Command(name = "init", description = "Create a valid Profile V2 draft.")
  static final class Init extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_ID", description = "The profile id, e.g. corp-dev.")
    String id;

    @Option(names = "--revision", description = "YYYY.MMDD.N (default: today, revision 1).")
    String revision;

    @Option(names = "--name", description = "Display name (default: from the id).")
    String name;

    @Option(names = "--description", description = "Description.")
    String description;

    @Option(names = "--best-for", description = "What the profile is best for.")
    String bestFor;

    @Option(names = "--ui", description = "everyday or coding (default: from the profile type).")
    String ui;

    @Option(names = "--profile-type", description = "everyday-work or coding (default: coding).")
    String profileType;

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
      choice(ui, "--ui", List.of("everyday", "coding"));
      choice(profileType, "--profile-type", List.of("everyday-work", "coding"));
      return print(
          capsem
              .profiles()
              .init(
                  new InitProfileRequest(
                      id,
                      revision,
                      name,
                      description,
                      bestFor,
                      ui,
                      profileType,
                      format(format),
                      WorkspaceInputs.path(out),
                      force)),
          json);
    }
  }

  @Command(
      name = "init-builtins",
      description = "Derive the built-in profiles from a guest config.")
  static final class InitBuiltins extends CapsemCommand {

    @Option(names = "--revision", description = "YYYY.MMDD.N (default: today, revision 1).")
    String revision;

    @Option(
        names = "--guest-dir",
        defaultValue = "guest",
        description = "The guest config folder (default: guest).")
    String guestDir;

    @Option(
        names = "--format",
        defaultValue = "toml",
        description = "json or toml (default: toml).")
    String format;

    @Option(
        names = "--out-dir",
        required = true,
        description = "Where to write <id>.profile.<format>.")
    String outDir;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Option(names = "--json", description = "Print a JSON report of the files written.")
    boolean json;

    InitBuiltins(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(
          capsem
              .profiles()
              .initBuiltins(
                  new InitBuiltinsRequest(
                      revision,
                      GivenPath.of(guestDir),
                      format(format),
                      GivenPath.of(outDir),
                      force)),
          json);
    }
  }

  @Command(name = "schema", description = "Print the JSON Schema of Profile V2.")
  static final class Schema extends CapsemCommand {

    Schema(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(capsem.profiles().schema(), false);
    }
  }
}
