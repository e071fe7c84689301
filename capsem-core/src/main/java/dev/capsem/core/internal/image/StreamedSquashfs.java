package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.squashfs.SquashfsException;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.internal.workspace.GuestConfig.BuildConfig;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rootfs squashfs written by our own writer while the runtime exports the container (issue 17):
 * no tar on disk, no second container, the same bytes for the same export. The other way,
 * mksquashfs in the asset-tools container, stays in {@link RootfsStep} for one release.
 */
final class StreamedSquashfs {

  /** The rootfs's block size (mksquashfs {@code -b 64K}, as before). */
  static final int BLOCK_SIZE = 64 * 1024;

  /** Squashfs's compression ids by the names build.toml uses. */
  private static final Map<String, Integer> IDS =
      Map.of(
          "gzip", SquashfsCodec.GZIP,
          "lzo", SquashfsCodec.LZO,
          "xz", SquashfsCodec.XZ,
          "zstd", SquashfsCodec.ZSTD);

  private final ContainerChores chores;
  private final List<SquashfsCodec> codecs;

  StreamedSquashfs(ContainerChores chores, List<SquashfsCodec> codecs) {
    this.chores = chores;
    this.codecs = List.copyOf(codecs);
  }

  /** The same writer running its container commands through {@code chores}. */
  StreamedSquashfs through(ContainerChores chores) {
    return new StreamedSquashfs(chores, codecs);
  }

  /** What the step cache keys this writer by: everything that changes the image's bytes. */
  static String recipe(BuildConfig build, long epoch) {
    return "capsem squashfs writer: -comp "
        + build.compression()
        + " level "
        + build.compressionLevel()
        + " -b "
        + BLOCK_SIZE
        + " -mkfs-time "
        + epoch
        + " -all-time "
        + epoch
        + "\n";
  }

  /**
   * How the writer will write, checked before any container work.
   *
   * @throws BuildStop E532 when no codec of the ports writes the configured compression and level
   */
  SquashfsWriter.Settings settings(BuildRun run) {
    BuildConfig build = run.config().build();
    Integer id = IDS.get(build.compression());
    Optional<SquashfsCodec> codec =
        codecs.stream()
            .filter(c -> id != null && c.id() == id)
            .findFirst()
            .flatMap(c -> c.atLevel((int) build.compressionLevel()));
    if (codec.isEmpty()) {
      throw BuildStop.of(
          Code.E532,
          "the capsem squashfs writer cannot write "
              + build.compression()
              + " at level "
              + build.compressionLevel()
              + ": use zstd (build.compression) or --squashfs-writer mksquashfs");
    }
    return new SquashfsWriter.Settings(
        codec.get(), BLOCK_SIZE, run.epoch, Runtime.getRuntime().availableProcessors());
  }

  /** Writes {@code target} from {@code container}'s export; a dry run only records the export. */
  void write(
      BuildRun run, String arch, String container, Path target, SquashfsWriter.Settings settings)
      throws IOException {
    Rootfs rootfs = Rootfs.with(codecs, run.hasher);
    SquashfsWriter.Result result;
    try {
      result =
          chores.exportStream(
              arch, "squashfs", container, tar -> rootfs.write(tar, target, settings));
    } catch (SquashfsException e) {
      throw BuildStop.of(e.code(), "rootfs of " + arch + ": " + e.getMessage());
    }
    if (result != null) {
      run.diagnostics.addAll(result.warnings());
    }
  }
}
