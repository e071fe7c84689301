package dev.capsem.bench;

import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.docker.compression.SquashfsCodecs;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a tar stream as a squashfs image with our writer, as the image build does: zstd, 64 KiB
 * blocks, one time for everything. bench/squashfs.sh runs it in a fresh JVM per measurement.
 *
 * <p>Usage: {@code SquashfsWrite TAR|- IMAGE [threads] [zstd level] [epoch]}
 */
public final class SquashfsWrite {

  private SquashfsWrite() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SquashfsWrite TAR|- IMAGE [threads] [level] [epoch]");
      System.exit(2);
    }
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int level = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    long epoch = args.length > 4 ? Long.parseLong(args[4]) : 1_779_364_800L;
    SquashfsWriter.Settings settings =
        new SquashfsWriter.Settings(SquashfsCodecs.zstd(level), 65536, epoch, threads);
    Path image = Path.of(args[1]);
    try (InputStream tar =
            new BufferedInputStream(
                args[0].equals("-") ? System.in : Files.newInputStream(Path.of(args[0])), 1 << 20);
        FileChannel out =
            FileChannel.open(
                image,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      SquashfsWriter.Result result = SquashfsWriter.write(tar, out, settings);
      result.warnings().forEach(w -> System.err.println(w.code() + " " + w.message()));
      System.out.println(result.inodes() + " inodes, " + result.bytesUsed() + " bytes");
    }
  }
}
