package dev.capsem.core.internal.release;

/**
 * One step of a release. Steps run in list order, each in its stage; a step reports through {@link
 * ReleaseRun#conclude} (its report file, its lines) and stops the release by failing there.
 */
interface ReleaseStep {

  Stage stage();

  void run(ReleaseRun run);
}
