/**
 * {@code image verify}: the assets on disk against the profile's declarations (existence, size,
 * BLAKE3), the image inventory against the package and tool contract, and {@code capsem-doctor}
 * bundles; the report is upstream's {@code capsem.image-verification.v1}.
 */
package dev.capsem.core.internal.image.verify;
