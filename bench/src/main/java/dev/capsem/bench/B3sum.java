package dev.capsem.bench;

import java.io.IOException;
import java.nio.file.Path;

/** Times the real {@code b3sum} on a file, as the reference for the hashing benchmark. */
final class B3sum {

  private B3sum() {}

  /** Wall milliseconds of {@code b3sum --no-names FILE}, or 0 when b3sum is not installed. */
  static double wallMillis(Path file) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("b3sum", "--no-names", file.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return 0;
    }
    int status = process.waitFor();
    double millis = (System.nanoTime() - start) / 1e6;
    if (status != 0) {
      throw new IOException("b3sum " + file + " exited with " + status);
    }
    return millis;
  }
}
