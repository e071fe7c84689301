/**
 * Small file-system helpers: atomic writes, so that no failed run leaves a file that looks
 * complete.
 */
package dev.capsem.core.internal.io;
