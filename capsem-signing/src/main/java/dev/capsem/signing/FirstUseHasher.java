package dev.capsem.signing;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A hasher whose engine is made when something is first hashed. Making the engine sets up its
 * byte-order views, which spin classes at run time (a few milliseconds), and most commands hash
 * nothing. Thread-safe.
 */
final class FirstUseHasher implements Hasher {

  private final Supplier<Hasher> make;
  private Hasher made; // guarded by this

  FirstUseHasher(Supplier<Hasher> make) {
    this.make = make;
  }

  private synchronized Hasher made() {
    if (made == null) {
      made = make.get();
    }
    return made;
  }

  @Override
  public HashStream start() {
    return made().start();
  }

  @Override
  public String hexOfFile(Path file) throws IOException {
    return made().hexOfFile(file);
  }
}
