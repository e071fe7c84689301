/** The virtual-machine port of capsem-core, driven through QEMU. */
package dev.capsem.qemu;
