package dev.capsem.signing;

/** Whether the tests run on CI, where a missing real component fails instead of skipping. */
final class Ci {

  private Ci() {}

  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
