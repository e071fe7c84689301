package dev.capsem.core.ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a VM ended.
 *
 * @param accelerator what actually ran it ({@code KVM} or {@code TCG}, never {@code AUTO})
 * @param acceleratorNote why it is not the one wished, or empty ({@code /dev/kvm is absent})
 * @param exitCode the VMM's exit code, or null when it was killed at the timeout
 * @param timedOut whether the timeout passed and the VM was killed
 * @param elapsed from the VMM's start to its end
 * @param consoleLog the serial console's file
 */
public record VmRun(
    VmSpec.Accelerator accelerator,
    String acceleratorNote,
    Integer exitCode,
    boolean timedOut,
    Duration elapsed,
    Path consoleLog) {

  public VmRun {
    Objects.requireNonNull(accelerator, "accelerator");
    if (accelerator == VmSpec.Accelerator.AUTO) {
      throw new IllegalArgumentException("a run names the accelerator it used");
    }
    acceleratorNote = acceleratorNote == null ? "" : acceleratorNote;
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(consoleLog, "consoleLog");
  }
}
