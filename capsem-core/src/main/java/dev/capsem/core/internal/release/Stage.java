package dev.capsem.core.internal.release;

/** The release's stages, in order; Maven's lifecycle binds one goal to each. */
public enum Stage {
  /** The profile, the enforcement rules, the detection rules. */
  VALIDATE,
  /** Rule tests, the enforcement backtest, the detection check. */
  TEST,
  /** The image, its boot test, SBOMs, the release profile, the catalog, the signatures. */
  PACKAGE,
  /** The image against the release profile, the signed catalog as a client checks it. */
  VERIFY
}
