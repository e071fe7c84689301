package dev.capsem.core.internal.settings;

/** A remote decision service consulted by the policy engine, and what to do when it fails. */
public record RemotePolicySettings(
    boolean enabled, String endpoint, String authToken, long timeoutMs, String failureMode) {}
