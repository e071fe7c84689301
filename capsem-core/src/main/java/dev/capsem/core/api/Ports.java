package dev.capsem.core.api;

import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.ToolProbe;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the domain needs from the outside world, supplied by the driving adapter (the command
 * line, the Maven plugin, or an embedding application).
 *
 * @param hasher BLAKE3
 * @param tools runs short host commands for diagnosis
 * @param host the operating system and environment variables
 * @param clock the only source of "now" (Maven: {@code project.build.outputTimestamp}; CLI: {@code
 *     SOURCE_DATE_EPOCH} or the system clock)
 */
public record Ports(Hasher hasher, ToolProbe tools, Host host, Clock clock) {

  public Ports {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
  }
}
