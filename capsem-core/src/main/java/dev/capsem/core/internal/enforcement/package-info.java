/** Enforcement packs and profile rules: CEL conditions, compilation and evaluation. */
package dev.capsem.core.internal.enforcement;
