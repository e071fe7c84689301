package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;

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
    GivenPath out,
    boolean force) {}
