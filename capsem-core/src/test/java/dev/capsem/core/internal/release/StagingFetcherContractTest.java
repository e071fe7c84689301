package dev.capsem.core.internal.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import dev.capsem.core.testing.HttpFetcherContract;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged release, served from local folders, keeps the fetcher contract the real HTTP client
 * keeps, so the verify phase checks a release as a client will fetch it.
 */
class StagingFetcherContractTest extends HttpFetcherContract {

  private static final String BASE = "https://assets.example.com/corp-dev";

  @TempDir Path staged;
  @TempDir Path outside;

  private HttpFetcher fetcher;

  @BeforeEach
  void stage() {
    fetcher = new StagingFetcher(Map.of(BASE + "/", staged));
  }

  @Override
  protected HttpFetcher fetcher() {
    return fetcher;
  }

  @Override
  protected URI publish(String name, byte[] body) throws IOException {
    Files.write(staged.resolve(name), body);
    return URI.create(BASE + "/" + name);
  }

  @Override
  protected URI missing() {
    return URI.create(BASE + "/absent.json");
  }

  @Test
  void fetch_urlOutsideTheStagedRelease_failsNamingIt() {
    URI elsewhere = URI.create("https://profiles.example.com/catalog/catalog.json");

    assertThatThrownBy(() -> fetcher.fetch(get(elsewhere), head -> HttpFetcher.BodySink.discard()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(elsewhere.toString());
  }

  @Test
  void fetch_pathClimbingOutOfTheStagedFolder_isNotFound() throws IOException {
    Files.writeString(outside.resolve("secret.txt"), "not part of the release");
    String climb =
        "../".repeat(staged.getNameCount()) + outside.toString().substring(1) + "/secret.txt";
    Received received = new Received();

    HttpReply reply = fetcher.fetch(get(URI.create(BASE + "/" + climb)), received);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(received.bytes()).isEmpty();
  }

  @Test
  void fetch_fileInASubfolder_isServed() throws IOException {
    Files.createDirectories(staged.resolve("x86_64"));
    Files.writeString(staged.resolve("x86_64/vmlinuz"), "kernel");
    Received received = new Received();

    HttpReply reply = fetcher.fetch(get(URI.create(BASE + "/x86_64/vmlinuz")), received);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(received.text()).isEqualTo("kernel");
  }
}
