/** Signing a release's files with one key, key pairs, and file hashes. */
package dev.capsem.core.internal.signing;
