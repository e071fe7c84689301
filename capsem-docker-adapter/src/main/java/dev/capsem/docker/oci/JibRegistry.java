package dev.capsem.docker.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.http.TrustingHttpClients;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.capsem.core.ports.ArtifactFile;
import dev.capsem.core.ports.ArtifactLayer;
import dev.capsem.core.ports.ArtifactNames;
import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RegistryException;
import dev.capsem.core.ports.RegistryException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * {@link OciRegistry} on jib-core's {@link RegistryClient}: jib authenticates (bearer or basic),
 * uploads and fetches blobs, verifies each fetched blob's digest and puts the manifest. What jib
 * has no template for, an artifact manifest with {@code artifactType} and per-file media types, is
 * {@link ArtifactManifestTemplate}.
 */
final class JibRegistry implements OciRegistry {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.US_ASCII);
  private static final String USER_AGENT = "capsem-java";

  private final RegistryAccess access;
  private final SSLContext trust;
  private final Consumer<LogEvent> log;

  JibRegistry(RegistryAccess access, SSLContext trust, Consumer<LogEvent> log) {
    this.access = access;
    this.trust = trust;
    this.log = log;
  }

  @Override
  public PublishedArtifact push(OciReference target, OciArtifact artifact)
      throws RegistryException, IOException {
    if (target.tag() == null) {
      throw new RegistryException(Kind.FAILED, target + ": a push needs a tag");
    }
    FailoverHttpClient http = http(target);
    try {
      RegistryClient client = client(target, http, true);
      List<ArtifactManifestTemplate.Descriptor> layers = new ArrayList<>();
      List<ArtifactLayer> pushed = new ArrayList<>();
      for (ArtifactFile file : artifact.files()) {
        String digest = "sha256:" + sha256(file.source());
        long size = Files.size(file.source());
        client.pushBlob(digest(digest), Blobs.from(file.source()), null, ignored -> {});
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ArtifactNames.TITLE, file.name());
        annotations.putAll(file.annotations());
        layers.add(
            new ArtifactManifestTemplate.Descriptor(file.mediaType(), digest, size, annotations));
        pushed.add(new ArtifactLayer(file.name(), file.mediaType(), digest, size, annotations));
      }
      String configDigest = "sha256:" + HexFormat.of().formatHex(sha256().digest(EMPTY_CONFIG));
      client.pushBlob(digest(configDigest), Blobs.from("{}"), null, ignored -> {});
      ArtifactManifestTemplate manifest =
          new ArtifactManifestTemplate(
              artifact.artifactType(),
              // The config's media type names the artifact too: jib (and registries older than
              // image spec 1.1) read a manifest without its artifactType.
              new ArtifactManifestTemplate.Descriptor(
                  artifact.artifactType(), configDigest, EMPTY_CONFIG.length, null),
              layers);
      DescriptorDigest manifestDigest = client.pushManifest(manifest, target.tag());
      return new PublishedArtifact(
          target.withDigest(manifestDigest.toString()),
          manifestDigest.toString(),
          artifact.artifactType(),
          pushed);
    } catch (com.google.cloud.tools.jib.api.RegistryException e) {
      throw translate(target, e);
    } catch (IOException e) {
      throw translateIo(target, e);
    } finally {
      http.shutDown();
    }
  }

  @Override
  public PublishedArtifact pull(OciReference source, String expectedArtifactType, Path folder)
      throws RegistryException, IOException {
    FailoverHttpClient http = http(source);
    try {
      RegistryClient client = client(source, http, false);
      ManifestAndDigest<ManifestTemplate> pulled = client.pullManifest(source.qualifier());
      if (!(pulled.getManifest() instanceof OciManifestTemplate manifest)) {
        throw new RegistryException(
            Kind.NOT_AN_ARTIFACT,
            source
                + ": not an OCI artifact manifest ("
                + pulled.getManifest().getManifestMediaType()
                + ")");
      }
      // jib's template keeps every descriptor field, but exposes media types only in its JSON.
      JsonNode tree = JSON.readTree(JsonTemplateMapper.toUtf8String(manifest));
      String configType = tree.path("config").path("mediaType").asText("");
      if (!configType.equals(expectedArtifactType)) {
        throw new RegistryException(
            Kind.NOT_AN_ARTIFACT,
            source
                + ": artifact type "
                + (configType.isEmpty() ? "(none)" : configType)
                + " but "
                + expectedArtifactType
                + " was expected");
      }
      List<ArtifactLayer> layers = layers(source, tree.path("layers"));
      for (ArtifactLayer layer : layers) {
        fetch(client, source, layer, folder.resolve(layer.name()));
      }
      String manifestDigest = pulled.getDigest().toString();
      return new PublishedArtifact(
          source.withDigest(manifestDigest), manifestDigest, configType, layers);
    } catch (com.google.cloud.tools.jib.api.RegistryException e) {
      throw translate(source, e);
    } catch (IOException e) {
      throw translateIo(source, e);
    } finally {
      http.shutDown();
    }
  }

  @Override
  public String resolveDigest(OciReference image) throws RegistryException {
    FailoverHttpClient http = http(image);
    try {
      RegistryClient client = client(image, http, false);
      return client.pullManifest(image.qualifier()).getDigest().toString();
    } catch (com.google.cloud.tools.jib.api.RegistryException e) {
      throw translate(image, e);
    } catch (IOException e) {
      try {
        throw translateIo(image, e);
      } catch (IOException other) {
        throw new RegistryException(Kind.FAILED, image + ": " + firstLine(other), other);
      }
    } finally {
      try {
        http.shutDown();
      } catch (IOException ignored) {
        // nothing was left open that matters once the digest is known
      }
    }
  }

  // --- pulling ----------------------------------------------------------------------------

  private static List<ArtifactLayer> layers(OciReference source, JsonNode array)
      throws RegistryException {
    List<ArtifactLayer> layers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode layer : array) {
      Map<String, String> annotations = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = layer.path("annotations").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        annotations.put(entry.getKey(), entry.getValue().asText());
      }
      String name = annotations.get(ArtifactNames.TITLE);
      Optional<String> problem = ArtifactNames.problem(name);
      if (problem.isPresent()) {
        throw new RegistryException(Kind.NOT_AN_ARTIFACT, source + ": " + problem.get());
      }
      if (!names.add(name)) {
        throw new RegistryException(
            Kind.NOT_AN_ARTIFACT, source + ": two layers named '" + name + "'");
      }
      try {
        layers.add(
            new ArtifactLayer(
                name,
                layer.path("mediaType").asText(),
                layer.path("digest").asText(),
                layer.path("size").asLong(-1),
                annotations));
      } catch (IllegalArgumentException e) {
        throw new RegistryException(
            Kind.NOT_AN_ARTIFACT, source + ": " + name + ": " + e.getMessage());
      }
    }
    if (layers.isEmpty()) {
      throw new RegistryException(Kind.NOT_AN_ARTIFACT, source + ": the artifact has no files");
    }
    return layers;
  }

  /**
   * Writes one blob. jib checks the digest as it writes; the stream is digested here too, so that a
   * mismatch is told apart from a broken connection by what arrived, not by jib's exception type.
   */
  private static void fetch(
      RegistryClient client, OciReference source, ArtifactLayer layer, Path target)
      throws RegistryException, IOException {
    Files.createDirectories(target.getParent());
    MessageDigest digest = sha256();
    long[] written = {0};
    IOException failure = null;
    try (OutputStream out =
        new DigestOutputStream(Files.newOutputStream(target), digest) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            written[0] += len;
          }

          @Override
          public void write(int b) throws IOException {
            super.write(b);
            written[0]++;
          }
        }) {
      client.pullBlob(digest(layer.digest()), size -> {}, count -> {}).writeTo(out);
    } catch (IOException e) {
      failure = e;
    }
    String actual = "sha256:" + HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(layer.digest()) && (failure == null || written[0] > 0)) {
      throw new RegistryException(
          Kind.DIGEST_MISMATCH,
          layer.name()
              + ": blob "
              + layer.digest()
              + " of "
              + source
              + " arrived with other bytes ("
              + actual
              + ", "
              + written[0]
              + " bytes)");
    }
    if (failure != null) {
      throw failure;
    }
    if (written[0] != layer.size()) {
      throw new RegistryException(
          Kind.DIGEST_MISMATCH,
          layer.name() + ": " + written[0] + " bytes but the manifest says " + layer.size());
    }
  }

  // --- clients and credentials ------------------------------------------------------------

  private FailoverHttpClient http(OciReference reference) {
    boolean plainAllowed = access.insecure() || reference.loopback();
    return TrustingHttpClients.create(
        trust, plainAllowed, plainAllowed, TrustContexts.trustingAll(), log);
  }

  private RegistryClient client(OciReference reference, FailoverHttpClient http, boolean push)
      throws IOException, com.google.cloud.tools.jib.api.RegistryException {
    Credential credential = credential(reference);
    EventHandlers events = EventHandlers.builder().add(LogEvent.class, log::accept).build();
    RegistryClient client =
        RegistryClient.factory(events, serverUrl(reference), reference.repository(), http)
            .setCredential(credential)
            .setUserAgent(USER_AGENT)
            .newRegistryClient();
    boolean bearer = push ? client.doPushBearerAuth() : client.doPullBearerAuth();
    if (!bearer && credential != null && !credential.isOAuth2RefreshToken()) {
      client.configureBasicAuth();
    }
    return client;
  }

  private Credential credential(OciReference reference) throws IOException {
    if (access.login() != null) {
      return Credential.from(access.login().username(), access.login().password());
    }
    if (access.dockerConfig() == null || !Files.isRegularFile(access.dockerConfig())) {
      return null;
    }
    ImageReference image =
        ImageReference.of(reference.registry(), reference.repository(), reference.qualifier());
    CredentialRetriever fromDocker =
        CredentialRetrieverFactory.forImage(image, log, access.environment())
            .dockerConfig(access.dockerConfig());
    try {
      return fromDocker.retrieve().orElse(null);
    } catch (com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException e) {
      throw new IOException(
          "cannot read credentials for "
              + reference.registry()
              + " from "
              + access.dockerConfig()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** jib names Docker Hub's API host itself; every other registry is host[:port] as written. */
  private static String serverUrl(OciReference reference) {
    return reference.registry().equals("docker.io") ? "registry-1.docker.io" : reference.registry();
  }

  // --- errors -----------------------------------------------------------------------------

  private static RegistryException translate(
      OciReference reference, com.google.cloud.tools.jib.api.RegistryException e) {
    if (e instanceof RegistryUnauthorizedException
        || e instanceof RegistryCredentialsNotSentException
        || e instanceof RegistryAuthenticationFailedException) {
      return new RegistryException(
          Kind.UNAUTHORIZED,
          reference
              + ": the registry refused access ("
              + firstLine(e)
              + "); log in with docker login or a credential helper, or give a username and"
              + " password",
          e);
    }
    if (e instanceof InsecureRegistryException) {
      return new RegistryException(
          Kind.UNREACHABLE,
          reference
              + ": no trusted TLS connection ("
              + firstLine(e)
              + "); trust its certificate, or allow insecure registries explicitly",
          e);
    }
    if (e.getCause() instanceof ResponseException response && response.getStatusCode() == 404) {
      return new RegistryException(
          Kind.NOT_FOUND, reference + ": not found (" + firstLine(e) + ")", e);
    }
    if (String.valueOf(e.getMessage()).contains("MANIFEST_UNKNOWN")
        || String.valueOf(e.getMessage()).contains("manifest unknown")) {
      return new RegistryException(
          Kind.NOT_FOUND, reference + ": not found (" + firstLine(e) + ")", e);
    }
    return new RegistryException(Kind.FAILED, reference + ": " + firstLine(e), e);
  }

  private static RegistryException translateIo(OciReference reference, IOException e)
      throws IOException {
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof SSLException
        || e instanceof java.net.SocketTimeoutException
        || e instanceof org.apache.http.conn.HttpHostConnectException) {
      return new RegistryException(
          Kind.UNREACHABLE,
          reference.registry() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          e);
    }
    if (e instanceof ResponseException response) {
      return new RegistryException(
          response.getStatusCode() == 404 ? Kind.NOT_FOUND : Kind.FAILED,
          reference + ": HTTP " + response.getStatusCode() + " " + firstLine(e),
          e);
    }
    throw e;
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  // --- digests ----------------------------------------------------------------------------

  private static DescriptorDigest digest(String digest) throws IOException {
    try {
      return DescriptorDigest.fromDigest(digest);
    } catch (DigestException e) {
      throw new IOException("not a digest: " + digest, e);
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    try (var in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
