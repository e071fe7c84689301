/**
 * Squashfs 4.0, the rootfs format: a reader (superblock, inode, directory, fragment, id and xattr
 * tables; streaming file reads; hostile images fail with E530-E533 and bounded memory and work), a
 * listing identical to {@code unsquashfs -lln}, and a reproducible writer fed by a tar stream.
 * Block compression is the {@link dev.capsem.core.ports.SquashfsCodec} port's.
 *
 * <p>Names are byte strings (one {@code char} per byte, ISO-8859-1), so any name survives and sorts
 * as squashfs sorts names: by unsigned bytes.
 */
package dev.capsem.core.internal.squashfs;
