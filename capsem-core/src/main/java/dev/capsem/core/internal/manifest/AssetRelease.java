package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.Nodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One asset release of a format-2 manifest: the boot files per architecture and which binaries may
 * boot them.
 *
 * @param date {@code YYYY-MM-DD}, metadata only ({@code ""} when absent)
 * @param deprecated a deprecated release is never picked for booting (decision D8)
 * @param minBinary the oldest binary that may boot this release; {@code ""} means any
 * @param arches architecture ({@code arm64}, {@code x86_64}) to logical file name ({@code vmlinuz},
 *     {@code initrd.img}, {@code rootfs.squashfs}) to file, in manifest order
 */
public record AssetRelease(
    String date, boolean deprecated, String minBinary, Map<String, Map<String, AssetFile>> arches) {

  public AssetRelease {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(minBinary, "minBinary");
    Map<String, Map<String, AssetFile>> copy = new LinkedHashMap<>();
    arches.forEach((arch, files) -> copy.put(arch, Nodes.ordered(files)));
    arches = Nodes.ordered(copy);
  }
}
