package dev.capsem.core.testing;

import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Ports for use-case tests that need no hashing, tools or environment: a fixed clock. */
public final class FixedPorts {

  private FixedPorts() {}

  public static Ports create() {
    Hasher hasher =
        new Hasher() {
          @Override
          public HashStream start() {
            throw new UnsupportedOperationException("no hashing in this test");
          }

          @Override
          public String hexOfFile(java.nio.file.Path file) {
            throw new UnsupportedOperationException("no hashing in this test");
          }
        };
    return new Ports(
        hasher,
        (command, timeout) -> Optional.empty(),
        new Host("linux", Map.of()),
        Clock.fixed(Instant.parse("2026-05-22T00:00:00Z"), ZoneOffset.UTC));
  }
}
