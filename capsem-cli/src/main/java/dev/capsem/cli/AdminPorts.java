package dev.capsem.cli;

import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.ContainerRuntime;
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
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;

/** Wires the command line's adapters into the core's ports, from the real environment. */
final class AdminPorts {

  private AdminPorts() {}

  static Ports fromEnvironment() {
    Map<String, String> environment = System.getenv();
    return new Ports(
            Blake3.hasher(),
            new ProcessToolProbe(new ProcessRunner(environment)),
            new Host(System.getProperty("os.name", "linux"), environment),
            clock(environment))
        .withSigning(Minisign.verifier(), Minisign.signer(), Minisign.keyGenerator())
        .withHttp(new LazyHttpFetcher(Http::fetcher))
        .withContainers(containers(environment, null), new HttpDownloader());
  }

  /**
   * The Docker CLI with this environment (so {@code DOCKER_HOST} reaches every call); {@code
   * CAPSEM_DOCKER} names another executable. {@code output} receives build output lines, or null.
   */
  static ContainerRuntime containers(Map<String, String> environment, Consumer<String> output) {
    String executable = environment.getOrDefault("CAPSEM_DOCKER", "docker");
    return new DockerCli(
        new ProcessRunner(environment), executable, DockerCli.Timeouts.defaults(), output);
  }

  /**
   * {@code SOURCE_DATE_EPOCH} pins "now" for reproducible outputs; dates are then taken in UTC,
   * otherwise in the local zone (upstream's drafts use the local date).
   */
  static Clock clock(Map<String, String> environment) {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneId.of("UTC"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "SOURCE_DATE_EPOCH must be whole seconds since 1970: " + epoch, e);
      }
    }
    return Clock.systemDefaultZone();
  }
}
