package dev.capsem.core.ports;

import java.util.List;

/**
 * A container command that did not succeed, with what the user needs to act: the command line, the
 * exit code and the end of its standard error.
 */
public final class ContainerRuntimeException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the command did not succeed. */
  public enum Kind {
    /** The runtime's executable is not installed (or not on the configured PATH). */
    NOT_FOUND,
    /** The executable runs but its engine does not answer (daemon stopped, wrong DOCKER_HOST). */
    UNREACHABLE,
    /** The command ran and exited non-zero. */
    FAILED,
    /** The command ran longer than allowed and was stopped. */
    TIMED_OUT
  }

  private final Kind kind;
  private final List<String> commandLine;
  private final int exitCode;
  private final String stderrTail;

  /**
   * @param exitCode the exit code, or -1 when the command did not exit by itself
   * @param stderrTail the last lines of standard error (may be empty)
   * @param detail what happened, in words
   */
  public ContainerRuntimeException(
      Kind kind, List<String> commandLine, int exitCode, String stderrTail, String detail) {
    super(detail);
    this.kind = kind;
    this.commandLine = List.copyOf(commandLine);
    this.exitCode = exitCode;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  public Kind kind() {
    return kind;
  }

  public List<String> commandLine() {
    return commandLine;
  }

  public int exitCode() {
    return exitCode;
  }

  public String stderrTail() {
    return stderrTail;
  }
}
