/**
 * The rootfs as a filesystem, not as the build describes it: writing the squashfs from the
 * container's tar stream, listing and reading it for operators ({@code image ls}, {@code image
 * cat}), and cataloguing what it really holds (dpkg, Python distributions, npm packages, guest
 * binaries) for the SBOM and for the cross-check against the build's own inventory. {@link
 * dev.capsem.core.internal.image.rootfs.Rootfs} is the one entry.
 */
package dev.capsem.core.internal.image.rootfs;
