package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Position;

/**
 * One source of a detection pack: a Sigma rule file embedded ({@code content}), next to the pack
 * ({@code path}) or remote ({@code url}); or IR, or a reference.
 *
 * @param origin where the embedded content sits in the pack file, for positions inside it
 */
public record DetectionSource(
    String id,
    String type,
    String format,
    String content,
    String path,
    String url,
    Position position,
    SigmaOrigin origin) {}
