package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/**
 * What an image build did, or why it stopped.
 *
 * @param commands every container command of a dry run (empty for a real build)
 * @param kernel the kernel source used, or null when no kernel was built or kept
 * @param assets the files placed (or kept) in the architecture folders
 * @param release what the epilogue wrote, or null for a dry run or a failure
 * @param steps each step of each architecture, built or kept
 */
public record BuildOutcome(
    List<Diagnostic> diagnostics,
    List<PlannedCommand> commands,
    KernelUsed kernel,
    List<BuiltAsset> assets,
    AssetReleaseWriter.Release release,
    List<StepDone> steps) {

  /** A container command a dry run would run, and for which step. */
  public record PlannedCommand(String arch, String step, List<String> commandLine) {
    public PlannedCommand {
      commandLine = List.copyOf(commandLine);
    }
  }

  /** The kernel source a build used (decision D12): version, where from, SHA-256. */
  public record KernelUsed(String version, String source, String sha256) {}

  /** One produced asset file. */
  public record BuiltAsset(String arch, String name, String path, long size, String hash) {}

  /**
   * One step of one architecture and whether it ran or kept the files of the last build.
   *
   * @param inputsHash the hash of the step's inputs, or null when they could not all be read
   */
  public record StepDone(String arch, String step, boolean reused, String inputsHash) {}

  public BuildOutcome {
    diagnostics = List.copyOf(diagnostics);
    commands = List.copyOf(commands);
    assets = List.copyOf(assets);
    steps = List.copyOf(steps);
  }

  /** True when a real build ran no container command: every step kept its files. */
  public boolean noContainerWork() {
    return !steps.isEmpty() && steps.stream().allMatch(StepDone::reused);
  }

  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
