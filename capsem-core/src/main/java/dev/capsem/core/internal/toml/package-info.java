/** TOML input with positions (tomlj) and a tomli_w-compatible writer. */
package dev.capsem.core.internal.toml;
