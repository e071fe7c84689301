package dev.capsem.core.internal.image.rootfs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which program writes {@code rootfs.squashfs}: our writer in the build's own JVM, reading the
 * container's export as a stream, or, for one release, mksquashfs in the asset-tools container as
 * before (decision D16, {@code ToolImages.squashfsScript}). The build reads it from the option
 * {@code --squashfs-writer} / the Maven property {@code capsem.squashfsWriter}.
 */
public enum RootfsWriter {
  /** {@code capsem}: {@link Rootfs#write} on {@code ContainerRuntime.exportStream}; no tar file. */
  CAPSEM("capsem"),
  /** {@code mksquashfs}: export to a tar, then mksquashfs in a second container (D16). */
  MKSQUASHFS("mksquashfs");

  /** What a build uses when nothing is configured. */
  public static final RootfsWriter DEFAULT = CAPSEM;

  private final String option;

  RootfsWriter(String option) {
    this.option = option;
  }

  /** The value as the option and property spell it. */
  public String option() {
    return option;
  }

  /**
   * The writer an option value names.
   *
   * @throws IllegalArgumentException {@code 'squashfs-writer' must be one of [capsem, mksquashfs]:
   *     x}
   */
  public static RootfsWriter parse(String value) {
    for (RootfsWriter writer : values()) {
      if (writer.option.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return writer;
      }
    }
    throw new IllegalArgumentException(
        "'squashfs-writer' must be one of "
            + Arrays.stream(values())
                .map(RootfsWriter::option)
                .collect(Collectors.joining(", ", "[", "]"))
            + ": "
            + value);
  }
}
