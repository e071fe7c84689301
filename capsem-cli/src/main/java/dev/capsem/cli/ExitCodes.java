package dev.capsem.cli;

/** Upstream's exit codes; the one place outcomes become numbers. */
final class ExitCodes {

  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  private ExitCodes() {}

  static int of(boolean ok) {
    return ok ? OK : INVALID;
  }
}
