package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Ports;
import dev.capsem.core.ports.Host;
import dev.capsem.http.Http;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Minisign;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code capsem-admin} in process with the real adapters, a fixed clock and a given
 * environment.
 */
final class Admin {

  /** What one run printed and returned. */
  record Run(int exitCode, String stdout, String stderr) {}

  static final Instant NOW = Instant.ofEpochSecond(1776729600L);

  private Admin() {}

  static Run run(String... args) {
    return run(Map.of(), args);
  }

  static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapsemAdmin.execute(
            args, Capsem.with(ports(environment)), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** As {@link #run}, with standard output as the command line's own: bytes underneath. */
  static Run runOnStandardOutput(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        CapsemAdmin.execute(
            args, Capsem.with(ports(Map.of())), new StandardOutput(out), new PrintWriter(err));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  private static Ports ports(Map<String, String> environment) {
    return new Ports(
            Blake3.hasher(),
            (command, timeout) -> Optional.empty(),
            new Host("linux", environment),
            Clock.fixed(NOW, ZoneOffset.UTC))
        .withSigning(Minisign.verifier(), Minisign.signer(), Minisign.keyGenerator())
        .withHttp(Http.fetcher());
  }
}
