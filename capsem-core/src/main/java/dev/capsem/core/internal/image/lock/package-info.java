/**
 * Lock files: what one build resolved (base image digests, the kernel source's hash, the exact
 * version and, where the ecosystem gives one, the hash of every apt, Python and npm package), read
 * back with every value checked before a locked build puts it into a Dockerfile.
 */
package dev.capsem.core.internal.image.lock;
