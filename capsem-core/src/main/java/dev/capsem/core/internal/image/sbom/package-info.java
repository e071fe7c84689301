/**
 * {@code image sbom}: one SPDX 2.3 JSON document per architecture from the image inventory, at
 * upstream's path and namespace, deterministic (time from the clock, ids from content, sorted
 * packages) and valid under SPDX's own validator.
 */
package dev.capsem.core.internal.image.sbom;
