package dev.capsem.core.internal.boottest;

import java.util.List;

/**
 * One architecture's boot.
 *
 * @param accelerator {@code kvm} or {@code tcg}, or null when no VM started
 * @param acceleratorNote why not KVM (empty when KVM ran, or was not wished)
 * @param bootSeconds from the VM's start to its end (host clock), or null when none started
 * @param checksDoneSeconds the guest's uptime when its checks were done, or null
 * @param failedChecks the failed checks, {@code group/name}
 * @param consoleLog the console's file as shown, or null when no VM started
 * @param doctorBundle the doctor bundle's file as shown, or null when the guest wrote none
 */
public record ArchResult(
    String arch,
    boolean ok,
    String accelerator,
    String acceleratorNote,
    Double bootSeconds,
    Double checksDoneSeconds,
    long tests,
    long passed,
    long failed,
    long skipped,
    List<String> failedChecks,
    String consoleLog,
    String doctorBundle) {

  public ArchResult {
    failedChecks = List.copyOf(failedChecks);
  }

  /** An architecture that could not be booted at all. */
  static ArchResult notBooted(String arch, String consoleLog) {
    return new ArchResult(
        arch, false, null, "", null, null, 0, 0, 0, 0, List.of(), consoleLog, null);
  }
}
