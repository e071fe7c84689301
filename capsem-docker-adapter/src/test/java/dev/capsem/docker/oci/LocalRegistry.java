package dev.capsem.docker.oci;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code docker-registry} (distribution 2.8) started for a test on 127.0.0.1 and a free
 * port, with its own config and storage under the test's folder; optionally with htpasswd (bcrypt)
 * basic auth and TLS with a self-signed certificate made by {@code openssl}. {@link #close} stops
 * it; a shutdown hook stops it too should the test JVM end first, so it never outlives the tests.
 * Without the tools it skips, except under {@code CI=true}, where it fails.
 */
final class LocalRegistry implements AutoCloseable {

  static final String USER = "capsem";
  static final String PASSWORD = "correct horse battery staple";

  private final Process process;
  private final Thread reaper;
  final int port;
  final Path storage;
  final Path certificate;
  final Path log;

  private LocalRegistry(Process process, int port, Path storage, Path certificate, Path log) {
    this.process = process;
    this.port = port;
    this.storage = storage;
    this.certificate = certificate;
    this.log = log;
    this.reaper = new Thread(process::destroyForcibly, "stop docker-registry " + port);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * A registry in {@code dir}; {@code basicAuth} adds htpasswd users, {@code tls} a certificate.
   */
  static LocalRegistry start(Path dir, boolean basicAuth, boolean tls) throws Exception {
    String registry = require("docker-registry");
    Path root = Files.createDirectories(dir.resolve("registry"));
    Path storage = Files.createDirectories(root.resolve("storage"));
    StringBuilder config = new StringBuilder();
    int port = freePort();
    config
        .append("version: 0.1\n")
        .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ")
        .append(storage)
        .append("\n  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:")
        .append(port)
        .append("\n  secret: capsem-test-secret\n");
    Path certificate = null;
    if (tls) {
      String openssl = require("openssl");
      certificate = root.resolve("registry.crt");
      Path key = root.resolve("registry.key");
      run(
          root,
          openssl,
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1,DNS:localhost",
          "-keyout",
          key.toString(),
          "-out",
          certificate.toString());
      config
          .append("  tls:\n    certificate: ")
          .append(certificate)
          .append("\n    key: ")
          .append(key)
          .append("\n");
    }
    if (basicAuth) {
      String htpasswd = require("htpasswd");
      Path users = root.resolve("htpasswd");
      String line = run(root, htpasswd, "-Bbn", USER, PASSWORD);
      Files.writeString(users, line.strip() + "\n");
      config
          .append("auth:\n  htpasswd:\n    realm: capsem-test\n    path: ")
          .append(users)
          .append("\n");
    }
    Path configFile = root.resolve("config.yml");
    Files.writeString(configFile, config.toString());
    Path log = root.resolve("registry.log");
    Process process =
        new ProcessBuilder(registry, "serve", configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalRegistry started = new LocalRegistry(process, port, storage, certificate, log);
    started.awaitListening();
    return started;
  }

  /** {@code 127.0.0.1:<port>}. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** The storage file of blob {@code sha256:<hex>}, as distribution's filesystem driver lays it. */
  Path blobData(String digest) {
    String hex = digest.substring("sha256:".length());
    return storage.resolve(
        "docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Runtime.getRuntime().removeShutdownHook(reaper);
  }

  private void awaitListening() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("docker-registry exited: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    fail("docker-registry did not listen on " + port + ": " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** The tool on PATH, or skip (fail under CI=true) naming the package to install. */
  private static String require(String tool) {
    String path = System.getenv("PATH");
    List<String> dirs =
        path == null ? List.of() : new ArrayList<>(List.of(path.split(File.pathSeparator)));
    dirs.add("/usr/sbin");
    for (String dir : dirs) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String problem =
        tool
            + " is not installed (Debian: docker-registry, apache2-utils, openssl; scripts/setup-machine.sh)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + problem);
    }
    Assumptions.abort(problem + "; skipping");
    throw new AssertionError("unreachable");
  }
}
