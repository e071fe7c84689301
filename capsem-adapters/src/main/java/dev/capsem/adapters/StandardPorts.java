package dev.capsem.adapters;

import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Host;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.docker.DockerCli;
import dev.capsem.docker.HttpDownloader;
import dev.capsem.docker.ProcessRunner;
import dev.capsem.docker.ProcessToolProbe;
import dev.capsem.docker.compression.SquashfsCodecs;
import dev.capsem.docker.oci.RegistryAccess;
import dev.capsem.http.Http;
import dev.capsem.qemu.Qemu;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Certificates;
import dev.capsem.signing.Minisign;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The usual adapters behind capsem-core's ports, from one environment: BLAKE3 and minisign
 * (capsem-signing), the Docker CLI, the process tool probe and the downloader
 * (capsem-docker-adapter), QEMU (capsem-qemu-adapter), the JDK's HTTP client (capsem-http-adapter,
 * made on first use), the local file system. The command line, the Maven plugin and an embedding
 * tool build their ports here, so they run alike.
 *
 * <pre>{@code
 * Capsem capsem = Capsem.with(StandardPorts.builder(System.getenv()).build());
 * }</pre>
 */
public final class StandardPorts {

  private final Map<String, String> environment;
  private Clock clock;
  private Hasher hasher;
  private String docker;
  private FileAccess files = FileAccess.local();
  private RegistryAccess registryAccess;
  private Consumer<String> registryLog = message -> System.err.println("registry " + message);

  private StandardPorts(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Adapters reading {@code environment} ({@code DOCKER_HOST}, {@code SOURCE_DATE_EPOCH}, ...). */
  public static StandardPorts builder(Map<String, String> environment) {
    return new StandardPorts(Objects.requireNonNull(environment, "environment"));
  }

  /** The clock of dated outputs; default {@link #clock(Map, String)} without a build timestamp. */
  public StandardPorts clock(Clock value) {
    this.clock = value;
    return this;
  }

  /** Another hasher (the Maven plugin's per-build memo); default BLAKE3. */
  public StandardPorts hasher(Hasher value) {
    this.hasher = value;
    return this;
  }

  /**
   * The docker command (a path, or a compatible shim); default {@code CAPSEM_DOCKER} from the
   * environment, else {@code docker}.
   */
  public StandardPorts docker(String executable) {
    this.docker = executable;
    return this;
  }

  /** Where documents are read and written; default the local file system. */
  public StandardPorts files(FileAccess value) {
    this.files = Objects.requireNonNull(value, "files");
    return this;
  }

  /**
   * How registries are reached: credentials, trust, plain HTTP; default {@link
   * RegistryAccess#fromEnvironment} (Docker's {@code config.json} and credential helpers).
   *
   * @param log receives the registry client's warnings (an HTTP fallback, say)
   */
  public StandardPorts registry(RegistryAccess access, Consumer<String> log) {
    this.registryAccess = Objects.requireNonNull(access, "access");
    this.registryLog = Objects.requireNonNull(log, "log");
    return this;
  }

  /**
   * A registry client with {@code access}, made on first use (a face that configures registry
   * access per command gives it to {@link Ports#withRegistry}).
   *
   * @param log receives the registry client's warnings (an HTTP fallback, say)
   */
  public static OciRegistry registryClient(RegistryAccess access, Consumer<String> log) {
    return new LazyRegistry(
        Objects.requireNonNull(access, "access"), Objects.requireNonNull(log, "log"));
  }

  public Ports build() {
    String executable =
        docker != null && !docker.isBlank()
            ? docker
            : environment.getOrDefault("CAPSEM_DOCKER", "docker");
    ProcessRunner runner = new ProcessRunner(environment);
    return new Ports(
            hasher != null ? hasher : Blake3.hasher(),
            new ProcessToolProbe(runner),
            new Host(System.getProperty("os.name", "linux"), environment),
            clock != null ? clock : clock(environment, null))
        .withFiles(files)
        .withSigning(Minisign.verifier(), Minisign.signer(), Minisign.keyGenerator())
        .withRawVerifier(Minisign.rawVerifier())
        .withCaGenerator(Certificates.caGenerator())
        .withSquashfsCodecs(SquashfsCodecs.readers())
        .withHttp(new LazyHttpFetcher(Http::fetcher))
        .withContainers(
            new DockerCli(runner, executable, DockerCli.Timeouts.defaults(), null),
            new HttpDownloader())
        .withRegistry(
            new LazyRegistry(
                registryAccess != null
                    ? registryAccess
                    : RegistryAccess.fromEnvironment(environment),
                registryLog))
        .withVirtualMachines(Qemu.virtualMachines(runner));
  }

  /**
   * The time source of reproducible outputs (decision D6): {@code SOURCE_DATE_EPOCH} first, then a
   * build timestamp ({@code project.build.outputTimestamp}: epoch seconds or ISO-8601), both in
   * UTC; else the system clock in the local zone (upstream's drafts use the local date).
   *
   * @param buildTimestamp Maven's {@code project.build.outputTimestamp}, or null
   * @throws IllegalArgumentException when either value cannot be read
   */
  public static Clock clock(Map<String, String> environment, String buildTimestamp) {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "SOURCE_DATE_EPOCH must be whole seconds since 1970: " + epoch, e);
      }
    }
    if (buildTimestamp != null
        && !buildTimestamp.isBlank()
        && !buildTimestamp.equals("${project.build.outputTimestamp}")) {
      String value = buildTimestamp.strip();
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
    return new LocalZoneClock();
  }
}
