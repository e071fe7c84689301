package dev.capsem.core.api;

import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.Downloader;
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
 * @param containers the container runtime image builds run in
 * @param downloads fetches build inputs (kernel sources) over HTTP
 */
public record Ports(
    Hasher hasher,
    ToolProbe tools,
    Host host,
    Clock clock,
    ContainerRuntime containers,
    Downloader downloads) {

  public Ports {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(containers, "containers");
    Objects.requireNonNull(downloads, "downloads");
  }

  /** Ports for applications that build no images: no container runtime, no downloads. */
  public Ports(Hasher hasher, ToolProbe tools, Host host, Clock clock) {
    this(hasher, tools, host, clock, ContainerRuntime.none(), Downloader.none());
  }
}
