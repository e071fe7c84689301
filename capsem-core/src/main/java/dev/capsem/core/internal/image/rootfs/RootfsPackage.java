package dev.capsem.core.internal.image.rootfs;

import java.util.Objects;

/**
 * A package the rootfs holds, as its own package manager recorded it.
 *
 * @param kind {@code apt}, {@code python} or {@code node}, as the inventory and SBOM name them
 * @param name the package name as recorded ({@code libc6}, {@code PyYAML}, {@code @scope/cli})
 * @param version the recorded version
 * @param architecture Debian's architecture of an apt package ({@code amd64}, {@code all}), or
 *     empty
 * @param source where it was read ({@code /var/lib/dpkg/status}, {@code
 *     /usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA})
 * @param files how many files its record lists (a dist-info {@code RECORD}), or -1 when unknown
 */
public record RootfsPackage(
    String kind, String name, String version, String architecture, String source, int files) {

  public RootfsPackage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(source, "source");
  }
}
