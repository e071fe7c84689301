package dev.capsem.docker.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.ArtifactFile;
import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RegistryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and TLS against a real {@code docker-registry}: htpasswd (bcrypt) basic auth with
 * explicit credentials or Docker's {@code config.json}, and TLS with a self-signed certificate
 * trusted through the adapter's trust option.
 */
class JibRegistryAccessTest {

  private static final String TYPE = "application/vnd.capsem.test.v1";

  @TempDir Path temp;

  @Test
  void push_basicAuthWithExplicitLogin_roundTrips() throws Exception {
    try (LocalRegistry server = LocalRegistry.start(temp, true, false)) {
      OciRegistry registry =
          OciRegistries.jib(
              RegistryAccess.anonymous().withLogin(LocalRegistry.USER, LocalRegistry.PASSWORD),
              null);

      assertRoundTrip(registry, OciReference.parse(server.address() + "/auth/explicit:1"));
    }
  }

  @Test
  void push_basicAuthFromDockerConfig_roundTrips() throws Exception {
    try (LocalRegistry server = LocalRegistry.start(temp, true, false)) {
      Path dockerDir = Files.createDirectories(temp.resolve("docker-config"));
      String auth =
          Base64.getEncoder()
              .encodeToString(
                  (LocalRegistry.USER + ":" + LocalRegistry.PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));
      Files.writeString(
          dockerDir.resolve("config.json"),
          "{\"auths\": {\"" + server.address() + "\": {\"auth\": \"" + auth + "\"}}}\n");
      OciRegistry registry =
          OciRegistries.jib(
              RegistryAccess.fromEnvironment(Map.of("DOCKER_CONFIG", dockerDir.toString())), null);

      assertRoundTrip(registry, OciReference.parse(server.address() + "/auth/docker-config:1"));
    }
  }

  @Test
  void push_basicAuthWrongPassword_isUnauthorized() throws Exception {
    try (LocalRegistry server = LocalRegistry.start(temp, true, false)) {
      OciRegistry registry =
          OciRegistries.jib(
              RegistryAccess.anonymous().withLogin(LocalRegistry.USER, "wrong"), null);

      assertThatThrownBy(
              () ->
                  registry.push(
                      OciReference.parse(server.address() + "/auth/wrong:1"), artifact("wrong")))
          .isInstanceOf(RegistryException.class)
          .extracting(e -> ((RegistryException) e).kind())
          .isEqualTo(RegistryException.Kind.UNAUTHORIZED);
    }
  }

  @Test
  void pull_basicAuthWithoutCredentials_isUnauthorized() throws Exception {
    try (LocalRegistry server = LocalRegistry.start(temp, true, false)) {
      OciReference reference = OciReference.parse(server.address() + "/auth/anonymous:1");
      OciRegistries.jib(
              RegistryAccess.anonymous().withLogin(LocalRegistry.USER, LocalRegistry.PASSWORD),
              null)
          .push(reference, artifact("anonymous"));
      OciRegistry anonymous = OciRegistries.jib(RegistryAccess.anonymous(), null);

      assertThatThrownBy(
              () -> anonymous.pull(reference, TYPE, Files.createDirectories(temp.resolve("out"))))
          .isInstanceOf(RegistryException.class)
          .extracting(e -> ((RegistryException) e).kind())
          .isEqualTo(RegistryException.Kind.UNAUTHORIZED);
    }
  }

  @Test
  void push_tlsWithTrustedCertificate_roundTripsOverHttps() throws Exception {
    try (LocalRegistry server = LocalRegistry.start(temp, true, true)) {
      List<String> log = new java.util.ArrayList<>();
      OciRegistry registry =
          OciRegistries.jib(
              RegistryAccess.anonymous()
                  .withLogin(LocalRegistry.USER, LocalRegistry.PASSWORD)
                  .trusting(server.certificate, null),
              log::add);

      assertRoundTrip(registry, OciReference.parse(server.address() + "/tls/trusted:1"));
      assertThat(log).noneMatch(line -> line.contains("Attempting again"));
    }
  }

  @Test
  void push_tlsWithTrustStoreFile_roundTrips() throws Exception {
    try (LocalRegistry server = LocalRegistry.start(temp, false, true)) {
      Path store = temp.resolve("trust.p12");
      char[] password = "changeit".toCharArray();
      java.security.KeyStore keyStore = java.security.KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      try (var in = Files.newInputStream(server.certificate)) {
        keyStore.setCertificateEntry(
            "registry",
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      try (var out = Files.newOutputStream(store)) {
        keyStore.store(out, password);
      }
      List<String> log = new java.util.ArrayList<>();
      OciRegistry registry =
          OciRegistries.jib(RegistryAccess.anonymous().trusting(store, password), log::add);

      assertRoundTrip(registry, OciReference.parse(server.address() + "/tls/store:1"));
      assertThat(log).noneMatch(line -> line.contains("Attempting again"));
    }
  }

  @Test
  void push_tlsWithUntrustedCertificateOnLoopback_fallsBackOnlyWithAWarning() throws Exception {
    // Loopback may use plain HTTP or unverified TLS (like docker's own default for 127.0.0.0/8);
    // jib says so in a warning, which the adapter passes on.
    try (LocalRegistry server = LocalRegistry.start(temp, false, true)) {
      List<String> log = new java.util.ArrayList<>();
      OciRegistry registry = OciRegistries.jib(RegistryAccess.anonymous(), log::add);

      assertRoundTrip(registry, OciReference.parse(server.address() + "/tls/untrusted:1"));
      assertThat(log)
          .anyMatch(line -> line.startsWith("warn:") && line.contains("TLS verification"));
    }
  }

  private void assertRoundTrip(OciRegistry registry, OciReference reference) throws Exception {
    OciArtifact artifact = artifact(reference.repository().replace('/', '-'));
    PublishedArtifact pushed = registry.push(reference, artifact);
    Path out =
        Files.createDirectories(temp.resolve("out-" + reference.repository().replace('/', '-')));
    PublishedArtifact pulled = registry.pull(reference, TYPE, out);

    assertThat(pulled.manifestDigest()).isEqualTo(pushed.manifestDigest());
    assertThat(out.resolve("notes/readme.txt"))
        .hasSameBinaryContentAs(artifact.files().get(0).source());
  }

  private OciArtifact artifact(String text) throws Exception {
    Path file = temp.resolve("in-" + text + "/notes/readme.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "release notes of " + text + "\n");
    return new OciArtifact(
        TYPE, List.of(new ArtifactFile("notes/readme.txt", file, "text/plain", Map.of())));
  }
}
