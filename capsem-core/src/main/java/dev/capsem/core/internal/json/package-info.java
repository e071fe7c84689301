/** A positioned JSON-like document tree, the JSON reader, and upstream-compatible printers. */
package dev.capsem.core.internal.json;
