/**
 * A positioned JSON-like document tree, the JSON reader, and upstream-compatible printers.
 *
 * <p>What is a library and what is ours: {@link dev.capsem.core.internal.json.JsonReader} parses
 * with Jackson's streaming parser (strict JSON, duplicate detection, nesting and number-length
 * limits) and only builds the tree. Kept by hand, because no library does it:
 *
 * <ul>
 *   <li>{@code DialectErrors}: upstream's error wording (jiter's through Pydantic, Python's {@code
 *       json}) and positions; it re-scans from the last token Jackson accepted to the first place
 *       upstream refuses, which is not where Jackson stops.
 *   <li>{@link dev.capsem.core.internal.json.JsonPrinter} and {@link
 *       dev.capsem.core.internal.json.PythonNumbers}: {@code json.dumps} byte for byte; Jackson's
 *       printer writes {@code "k" : v}, upper-case {@code \u00E9} escapes and Java's float digits.
 *   <li>The tree ({@code Node} records): Jackson's own tree has no positions, and TOML files read
 *       into the same tree.
 *   <li>{@code LineIndex} and {@code TextPositions}: lines and Python's character columns (a
 *       surrogate pair is one character) from an offset.
 * </ul>
 */
package dev.capsem.core.internal.json;
