package dev.capsem.core.api;

import java.nio.file.Path;

/**
 * {@code profile init-builtins}: the guest config to derive from and the folder to write {@code
 * <id>.profile.<toml|json>} files into (created when missing).
 */
public record InitBuiltinsRequest(
    String revision,
    Path guestDir,
    String guestDirAsGiven,
    DocumentFormat format,
    Path outDir,
    String outDirAsGiven,
    boolean force) {}
