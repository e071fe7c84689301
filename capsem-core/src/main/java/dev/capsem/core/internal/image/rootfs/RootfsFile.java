package dev.capsem.core.internal.image.rootfs;

import java.util.Objects;

/**
 * A file worth naming in the SBOM (a guest agent, the kernel, the initrd) with its digests.
 *
 * @param path the path inside the rootfs ({@code /usr/local/bin/capsem-pty-agent}), or the asset's
 *     file name ({@code vmlinuz}) for a boot file
 * @param size its length in bytes
 * @param sha1 lower-case hex (SPDX requires SHA-1 for every file)
 * @param sha256 lower-case hex
 * @param blake3 lower-case hex, the Capsem formats' own digest
 */
public record RootfsFile(String path, long size, String sha1, String sha256, String blake3) {

  public RootfsFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha1, "sha1");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(blake3, "blake3");
  }
}
