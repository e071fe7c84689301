package dev.capsem.core.internal.enforcement;

/** How an enforcement file is written (D2: both are accepted). */
public enum PackShape {
  /**
   * {@code capsem.policy-pack.v1} (alias {@code capsem.enforcement-pack.v1}) with {@code
   * [[rules]]}.
   */
  POLICY_PACK,
  /** The brief's {@code [security.rules.<family>.<name>]} tables with on/if/decision/priority. */
  PROFILE_RULES
}
