package dev.capsem.maven;

import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.Host;
import dev.capsem.docker.DockerCli;
import dev.capsem.docker.HttpDownloader;
import dev.capsem.docker.ProcessRunner;
import dev.capsem.docker.ProcessToolProbe;
import dev.capsem.http.Http;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Minisign;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Wires the plugin's adapters into the core's ports. */
final class MavenPorts {

  private MavenPorts() {}

  static Ports create(String outputTimestamp) {
    return create(outputTimestamp, Blake3.hasher());
  }

  /** The ports with {@code hasher} (the project's memo of file hashes). */
  static Ports create(String outputTimestamp, dev.capsem.core.ports.Hasher hasher) {
    Map<String, String> environment = System.getenv();
    return new Ports(
            hasher,
            new ProcessToolProbe(new ProcessRunner(environment)),
            new Host(System.getProperty("os.name", "linux"), environment),
            clock(environment.get("SOURCE_DATE_EPOCH"), outputTimestamp))
        .withSigning(Minisign.verifier(), Minisign.signer(), Minisign.keyGenerator())
        .withHttp(Http.fetcher())
        .withContainers(DockerCli.of(environment), new HttpDownloader());
  }

  /**
   * Decision D6: {@code SOURCE_DATE_EPOCH} first, then {@code project.build.outputTimestamp} (epoch
   * seconds or ISO-8601), else the system clock.
   */
  static Clock clock(String sourceDateEpoch, String outputTimestamp) {
    if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
      return Clock.fixed(
          Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip())), ZoneOffset.UTC);
    }
    if (outputTimestamp != null
        && !outputTimestamp.isBlank()
        && !outputTimestamp.equals("${project.build.outputTimestamp}")) {
      String value = outputTimestamp.strip();
      try {
        Instant instant =
            value.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochSecond(Long.parseLong(value))
                : OffsetDateTime.parse(value).toInstant();
        return Clock.fixed(instant, ZoneOffset.UTC);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new IllegalArgumentException(
            "project.build.outputTimestamp must be epoch seconds or ISO-8601: " + value, e);
      }
    }
    return Clock.systemDefaultZone();
  }
}
