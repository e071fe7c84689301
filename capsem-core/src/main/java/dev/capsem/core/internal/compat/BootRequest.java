package dev.capsem.core.internal.compat;

import java.util.Objects;

/**
 * Which binary asks to boot, and on which architecture.
 *
 * @param binaryVersion the running binary's version, e.g. {@code 1.0.1776688771}
 * @param arch {@code arm64} or {@code x86_64} ({@code aarch64} is read as {@code arm64}), or {@code
 *     null} for every architecture of the chosen release
 */
public record BootRequest(String binaryVersion, String arch) {

  public BootRequest {
    Objects.requireNonNull(binaryVersion, "binaryVersion");
    if (binaryVersion.isEmpty()) {
      throw new IllegalArgumentException("binaryVersion must not be empty");
    }
    if ("aarch64".equals(arch)) {
      arch = "arm64";
    }
  }
}
