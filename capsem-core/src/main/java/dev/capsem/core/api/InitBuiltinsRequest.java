package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;

/**
 * {@code profile init-builtins}: the guest config to derive from and the folder to write {@code
 * <id>.profile.<toml|json>} files into (created when missing).
 */
public record InitBuiltinsRequest(
    String revision, GivenPath guestDir, DocumentFormat format, GivenPath outDir, boolean force) {}
