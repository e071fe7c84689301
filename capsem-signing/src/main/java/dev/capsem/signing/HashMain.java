package dev.capsem.signing;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -cp ... dev.capsem.signing.HashMain [--engine=NAME] FILE...} prints {@code <hex>
 * <path>} per file like {@code b3sum}, for the benchmark script and quick checks. {@code NAME} is
 * {@code scalar}, {@code lockstep} or {@code vector}; without it the hasher is {@link
 * Blake3#hasher()}'s.
 *
 * <p>Kept lean because JVM start-up counts in the benchmark's wall time: no lambdas or string
 * concatenation on the success path, each of which costs milliseconds to bootstrap.
 */
public final class HashMain {

  private static final String ENGINE_OPTION = "--engine=";

  private HashMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Returns 1 if any file could not be hashed, after trying all of them, as b3sum does; 2 on usage.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    int first = 0;
    Hasher hasher;
    try {
      if (args.length > 0 && args[0].startsWith(ENGINE_OPTION)) {
        ManyHasher engine = ManyHashers.named(args[0].substring(ENGINE_OPTION.length()));
        hasher = Blake3.hasher(engine, Runtime.getRuntime().availableProcessors());
        first = 1;
      } else {
        hasher = Blake3.hasher();
      }
    } catch (IllegalArgumentException e) {
      err.append("hash: ").append(e.getMessage()).append('\n');
      return 2;
    }
    if (first == args.length) {
      err.append("usage: HashMain [--engine=scalar|lockstep|vector] FILE...\n");
      return 2;
    }
    int status = 0;
    for (int i = first; i < args.length; i++) {
      try {
        out.append(hasher.hexOfFile(Path.of(args[i]))).append("  ").append(args[i]).append('\n');
      } catch (IOException | RuntimeException e) {
        err.append("hash: ").append(args[i]).append(": ").append(String.valueOf(e)).append('\n');
        status = 1;
      }
    }
    out.flush();
    return status;
  }
}
