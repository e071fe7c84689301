/**
 * The library's public face: one entry point built from a bundle of ports, and one use case per
 * noun.
 */
package dev.capsem.core.api;
