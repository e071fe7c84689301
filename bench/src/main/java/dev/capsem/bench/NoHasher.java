package dev.capsem.bench;

import dev.capsem.core.ports.Hasher;
import java.nio.file.Path;

/** The backtest hashes nothing. */
final class NoHasher implements Hasher {

  @Override
  public HashStream start() {
    throw new UnsupportedOperationException("not used by backtests");
  }

  @Override
  public String hexOfFile(Path file) {
    throw new UnsupportedOperationException("not used by backtests");
  }
}
