/**
 * Version orderings of the three package ecosystems an image contract names (Debian for apt, PEP
 * 440 for Python, SemVer for npm) and the ranges {@code image verify --version-match ranges}
 * accepts. Upstream only knows equality and {@code *}; that stays the default.
 */
package dev.capsem.core.internal.image.version;
