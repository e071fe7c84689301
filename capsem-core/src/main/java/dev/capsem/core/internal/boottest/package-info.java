/**
 * The boot proof (decision D19): each built architecture booted in a VM, checked from inside by the
 * image's own diagnostics, the results turned into a doctor bundle and coded diagnostics.
 */
package dev.capsem.core.internal.boottest;
