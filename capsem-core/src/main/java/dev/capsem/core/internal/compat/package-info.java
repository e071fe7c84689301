/** Versions and compatibility gates between binaries, assets and profiles. */
package dev.capsem.core.internal.compat;
