package dev.capsem.bench;

import dev.capsem.core.ports.Hasher;
import dev.capsem.signing.Blake3;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BLAKE3 of one file in a warmed JVM, the way the Maven plugin and a long-running pipeline hash
 * their assets: {@code Blake3.hasher().hexOfFile(path)}, all processors, page cache warm. Each
 * iteration is one whole hash (score = milliseconds per file); the {@code cpuMs} counter is the
 * process CPU time of that hash, compile and GC threads included, and {@code b3sumMs} the wall time
 * of {@code b3sum} on the same file just before it. bench/hash.sh passes the file ({@code -p
 * file=...}) and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 8)
@Measurement(iterations = 10)
public class HashFileBenchmark {

  /** The file to hash; without one, a 1 GiB random file is created and deleted afterwards. */
  @Param({""})
  public String file;

  private Path path;
  private double b3sumMs;
  private boolean created;
  private Hasher hasher;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * Per iteration: the process CPU time of the hash, and the wall time of {@code b3sum} on the same
   * file run just before it, so that each hash has a reference measured under the same load.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** CPU milliseconds of this process (all threads) during the hash. */
    public double cpuMs;

    /** Wall milliseconds of {@code b3sum FILE} right before the hash; 0 without b3sum. */
    public double b3sumMs;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (file.isEmpty()) {
      path = RandomFile.create(1L << 30);
      created = true;
    } else {
      path = Path.of(file);
    }
    hasher = Blake3.hasher();
  }

  /** Not part of the score: JMH times only the benchmark method. */
  @Setup(Level.Iteration)
  public void timeB3sum() throws IOException, InterruptedException {
    b3sumMs = B3sum.wallMillis(path);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (created) {
      Files.deleteIfExists(path);
    }
  }

  @Benchmark
  public String hexOfFile(Counters counters) throws IOException {
    long before = os.getProcessCpuTime();
    String hex = hasher.hexOfFile(path);
    counters.cpuMs = (os.getProcessCpuTime() - before) / 1e6;
    counters.b3sumMs = b3sumMs;
    return hex;
  }
}
