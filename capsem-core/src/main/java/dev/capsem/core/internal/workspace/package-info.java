/** The guest-config workspace (config/*.toml, kernel defconfigs, artifacts) and its linter. */
package dev.capsem.core.internal.workspace;
