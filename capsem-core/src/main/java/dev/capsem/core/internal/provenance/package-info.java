/**
 * SLSA v1 build provenance for a release: an in-toto Statement v1 over every released file (sha256
 * and BLAKE3), wrapped in a DSSE envelope signed with the release's Ed25519 key, and its
 * verification (envelope, signature, subjects against the files, expectations).
 */
package dev.capsem.core.internal.provenance;
