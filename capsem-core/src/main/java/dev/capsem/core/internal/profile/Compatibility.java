package dev.capsem.core.internal.profile;

/** Which Capsem binaries and guest ABI a profile works with. */
public record Compatibility(String minBinary, String maxBinary, String guestAbi) {}
