package dev.capsem.core.api;

import java.nio.file.Path;

/**
 * {@code profile init}. Empty or null strings mean "not given" and take upstream's defaults.
 *
 * @param out the file to write, or null to print
 * @param outAsGiven how the user named {@code out} (echoed in messages)
 */
public record InitProfileRequest(
    String id,
    String revision,
    String name,
    String description,
    String bestFor,
    String ui,
    String profileType,
    DocumentFormat format,
    Path out,
    String outAsGiven,
    boolean force) {}
