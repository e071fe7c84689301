package dev.capsem.core.api;

/** The stages of a release, in order; Maven's lifecycle runs one per phase. */
public enum ReleaseStage {
  /** The profile, the enforcement rules, the detection rules. */
  VALIDATE,
  /** Rule tests, the enforcement backtest, the detection check. */
  TEST,
  /** The image, SBOMs, the release profile, the catalog, the signatures. */
  PACKAGE,
  /** The image against the release profile, the signed catalog as a client checks it. */
  VERIFY
}
