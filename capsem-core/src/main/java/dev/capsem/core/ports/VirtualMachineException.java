package dev.capsem.core.ports;

/** A VM that could not be booted: no VMM, or the VMM refused the machine. */
public final class VirtualMachineException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the VM did not boot. */
  public enum Kind {
    /** No VMM for the architecture is installed ({@link #fix()} says how to install one). */
    NOT_INSTALLED,
    /** The VMM ran and exited with an error before the guest could run (bad disk, bad option). */
    FAILED
  }

  private final Kind kind;
  private final String fix;
  private final String stderrTail;

  /**
   * @param fix what to do about it (may be empty)
   * @param stderrTail the last lines the VMM printed (may be empty)
   */
  public VirtualMachineException(Kind kind, String message, String fix, String stderrTail) {
    super(message);
    this.kind = kind;
    this.fix = fix == null ? "" : fix;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  public Kind kind() {
    return kind;
  }

  public String fix() {
    return fix;
  }

  public String stderrTail() {
    return stderrTail;
  }
}
