package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.Hasher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FirstUseHasherTest {

  private final AtomicInteger made = new AtomicInteger();
  private final Hasher hasher =
      new FirstUseHasher(
          () -> {
            made.incrementAndGet();
            return Blake3.hasher(ManyHashers.lockstep(), 2);
          });

  @Test
  void engine_isMadeOnTheFirstHashOnly() {
    assertThat(made).hasValue(0);

    // b3sum of "abc"
    String abc = hasher.hex("abc".getBytes(StandardCharsets.US_ASCII));
    hasher.hex(new byte[0]);

    assertThat(abc).isEqualTo("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85");
    assertThat(made).hasValue(1);
  }

  @Test
  void engine_askedForByManyThreadsAtOnce_isMadeOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> hashes =
          IntStream.range(0, 8)
              .<Callable<String>>mapToObj(i -> () -> hasher.hex(new byte[] {(byte) i}))
              .toList();
      for (Future<String> hash : pool.invokeAll(hashes)) {
        assertThat(hash.get()).hasSize(64);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(made).hasValue(1);
  }
}
