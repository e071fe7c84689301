/**
 * The outgoing interfaces that adapters implement: hashing, signing, container runtime, HTTP,
 * clock.
 */
package dev.capsem.core.ports;
