package dev.capsem.core.ports;

import java.util.List;

/**
 * Where a long build reports what it is doing: the command line prints to standard error, the Maven
 * plugin to its log. Step times are measured by the receiver, so the domain needs no clock that
 * ticks (its clock is fixed in reproducible builds).
 */
public interface BuildProgress {

  /**
   * A step begins ({@code x86_64 rootfs: docker build}); close the returned handle when done. Steps
   * begun on one thread nest; steps begun on different threads run side by side.
   */
  Step begin(String step);

  /** A container command is about to run. */
  void command(List<String> commandLine);

  /** Anything else worth a line. */
  void note(String message);

  /**
   * How many steps the work ahead has, so that a receiver can say where a long step stands ({@code
   * step 2/5}); called before the first {@link #begin}.
   */
  default void plan(int steps) {}

  /** What a finished step of a longer job did, in one line ({@code profile x.toml is valid}). */
  default void result(String line) {
    note(line);
  }

  /** Something the user should act on that does not stop the work ({@code not signed}). */
  default void warning(String message) {
    note("warning: " + message);
  }

  /**
   * A line a running container command printed: the receiver keeps the whole log and shows the last
   * line while a long step runs.
   */
  default void output(String line) {}

  /**
   * A line the container command of {@code step} printed, when steps run side by side (a kernel
   * compiles while the rootfs installs): the receiver shows it under that step.
   */
  default void output(String step, String line) {
    output(line);
  }

  /** A running step. */
  interface Step extends AutoCloseable {

    /** Marks the step successful; closing a step that is not marked means it failed. */
    void succeeded();

    @Override
    void close();
  }

  /** Reports nothing. */
  static BuildProgress silent() {
    return new BuildProgress() {
      @Override
      public Step begin(String step) {
        return new Step() {
          @Override
          public void succeeded() {}

          @Override
          public void close() {}
        };
      }

      @Override
      public void command(List<String> commandLine) {}

      @Override
      public void note(String message) {}
    };
  }
}
