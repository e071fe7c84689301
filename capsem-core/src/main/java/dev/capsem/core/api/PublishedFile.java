package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;

/**
 * A file a release publishes.
 *
 * @param label what a repository files it under ({@code x86_64-rootfs}, {@code catalog}; Maven's
 *     classifier), or null for the release's main file, the release profile
 * @param type its type in a repository ({@code squashfs}, {@code json})
 * @param signature whether its {@code .minisig} is published beside it
 */
public record PublishedFile(GivenPath file, String label, String type, boolean signature) {}
