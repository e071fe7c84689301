package dev.capsem.core.internal.squashfs;

/**
 * One name in a directory listing.
 *
 * @param name the name, a byte string
 * @param inodeReference where its inode is (see {@link Inode.Attributes#reference()})
 * @param type the basic type the listing records (1 to 7)
 * @param inodeNumber the inode number the listing records
 */
public record DirectoryEntry(String name, long inodeReference, int type, long inodeNumber) {}
