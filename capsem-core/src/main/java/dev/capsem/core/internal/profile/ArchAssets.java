package dev.capsem.core.internal.profile;

/** The kernel, initrd and rootfs of one architecture. */
public record ArchAssets(
    AssetDeclaration kernel, AssetDeclaration initrd, AssetDeclaration rootfs) {}
