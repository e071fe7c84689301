/** The format-2 asset manifest and the format-1 profile catalog. */
package dev.capsem.core.internal.manifest;
