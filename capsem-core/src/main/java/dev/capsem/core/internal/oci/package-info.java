/**
 * Releases as OCI artifacts: the release folder pushed as one artifact and pulled back with every
 * check (digests, BLAKE3, signatures), catalog URLs pointed at registry blobs, and base images
 * resolved to digests.
 */
package dev.capsem.core.internal.oci;
