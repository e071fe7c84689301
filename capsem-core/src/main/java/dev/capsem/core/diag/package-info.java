/** Coded diagnostics: the catalogue, the record, positions and ordering. */
package dev.capsem.core.diag;
