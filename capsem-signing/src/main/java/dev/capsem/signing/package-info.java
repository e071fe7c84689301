/**
 * BLAKE3 hashing and minisign-format Ed25519 signing, implementing the core's hashing and signing
 * ports.
 */
package dev.capsem.signing;
