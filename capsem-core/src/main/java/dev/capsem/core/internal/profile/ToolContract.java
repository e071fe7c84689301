package dev.capsem.core.internal.profile;

/**
 * A tool the image must provide, and where it comes from ({@code guest}, {@code host}, {@code
 * profile}).
 */
public record ToolContract(String version, boolean required, String source) {}
