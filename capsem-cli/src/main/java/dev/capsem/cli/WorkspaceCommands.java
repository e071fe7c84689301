package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin workspace validate}: lint a guest-config workspace. */
final class WorkspaceCommands {

  private WorkspaceCommands() {}

  @Command(
      name = "workspace",
      description = "Work with build workspaces (config/*.toml, kernel, artifacts).")
  static final class Group extends CommandGroup {}

  @Command(
      name = "validate",
      description = "Lint DIR/config (and guest artifacts) with every check.")
  static final class Validate extends CapsemCommand {

    @Parameters(
        paramLabel = "DIR",
        description = "The workspace (or guest) folder holding config/.")
    String dir;

    @Option(names = "--artifacts", description = "Also check the guest artifacts in this folder.")
    String artifacts;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    Validate(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      return print(
          capsem.workspaces().validate(GivenPath.of(dir), WorkspaceInputs.path(artifacts)), json);
    }
  }
}
