package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HttpFetcherContract} for a fetcher in front of a web server ({@link TestSite}: a loopback
 * server for the real adapter, {@link FakeWeb} for the fake): what the server says reaches the
 * caller unchanged, redirects included, since the domain alone decides which to follow; what the
 * caller sends reaches the server; and the request's timeout bounds the whole exchange.
 */
public abstract class HttpServerFetcherContract extends HttpFetcherContract {

  /** The site the fetcher under test talks to. */
  protected abstract TestSite site();

  /** A URL on which nothing answers. */
  protected abstract URI unreachable() throws IOException;

  @Override
  protected URI publish(String name, byte[] body) {
    return site().serve("/capsem-contract/" + name, ServedResponse.ok(body));
  }

  @Override
  protected URI missing() {
    return site().missing();
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {201, 204, 403, 410, 500, 503})
  void fetch_anyStatus_isReturnedAsTheServerSentIt(int status) throws IOException {
    URI uri = site().serve("/capsem-contract/status-" + status, ServedResponse.status(status));
    Received received = new Received();

    HttpReply reply = fetcher().fetch(get(uri), received);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(received.bytes()).isEqualTo(ServedResponse.status(status).body());
  }

  @Test
  void fetch_responseHeaders_reachTheCallerWhateverTheCaseOfTheirName() throws IOException {
    URI uri =
        site()
            .serve(
                "/capsem-contract/headers.json",
                ServedResponse.ok("{}")
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Capsem-Contract", "kept"));

    HttpReply reply = fetcher().fetch(get(uri), new Received());

    assertThat(reply.header("content-type")).contains("application/json");
    assertThat(reply.header("X-CAPSEM-CONTRACT")).contains("kept");
  }

  @Test
  void fetch_headerWithSeveralValues_keepsEveryValueInOrder() throws IOException {
    URI uri =
        site()
            .serve(
                "/capsem-contract/multi",
                ServedResponse.ok("x").withHeader("X-Capsem-Multi", "first", "second"));

    HttpReply reply = fetcher().fetch(get(uri), new Received());

    assertThat(reply.headers().get("x-capsem-multi")).containsExactly("first", "second");
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void fetch_redirect_isReturnedWithItsLocationAndNotFollowed(int status) throws IOException {
    URI target = site().serve("/capsem-contract/target-" + status, ServedResponse.ok("target"));
    URI uri =
        site()
            .serve(
                "/capsem-contract/moved-" + status,
                ServedResponse.redirect(status, target.toString()));
    Received received = new Received();

    HttpReply reply = fetcher().fetch(get(uri), received);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Location")).contains(target.toString());
    assertThat(site().received(target.getPath())).isEmpty();
    assertThat(received.bytes()).isEmpty();
  }

  @Test
  void fetch_requestHeaders_reachTheServer() throws IOException {
    URI uri = site().serve("/capsem-contract/asked", ServedResponse.ok("x"));
    HttpCall call =
        new HttpCall(
            "GET",
            uri,
            Map.of("User-Agent", "capsem-contract/1.0", "Accept", "application/json"),
            GENEROUS);

    fetcher().fetch(call, new Received());

    assertThat(site().received(uri.getPath()))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("GET");
              assertThat(request.headers())
                  .containsEntry("user-agent", "capsem-contract/1.0")
                  .containsEntry("accept", "application/json");
            });
  }

  @Test
  void fetch_head_reachesTheServerAsHead() throws IOException {
    URI uri = publish("head-method.bin", new byte[10]);

    fetcher().fetch(head(uri), new Received());

    assertThat(site().received(uri.getPath()))
        .extracting(TestSite.Request::method)
        .containsExactly("HEAD");
  }

  @Test
  void fetch_bodyStallsPastTheTimeout_failsSoonAfterTheTimeout() {
    URI uri =
        site()
            .serve(
                "/capsem-contract/stall",
                ServedResponse.ok(randomBytes(1000, 7)).with(ServedResponse.Trouble.STALLS));
    HttpCall call = new HttpCall("GET", uri, Map.of(), Duration.ofMillis(700));
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher().fetch(call, head -> HttpFetcher.BodySink.discard()))
        .isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void fetch_connectionClosedMidBody_fails() {
    URI uri =
        site()
            .serve(
                "/capsem-contract/cut",
                ServedResponse.ok(randomBytes(200_000, 8)).with(ServedResponse.Trouble.CUT_SHORT));

    assertThatThrownBy(() -> fetcher().fetch(get(uri), new Received()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void fetch_nothingListens_fails() throws IOException {
    URI uri = unreachable();

    assertThatThrownBy(() -> fetcher().fetch(get(uri), new Received()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void fetch_textBody_arrivesByteForByte() throws IOException {
    String text = "{\"name\": \"caf\u00e9 \u2713\"}\n";
    URI uri = site().serve("/capsem-contract/text.json", ServedResponse.ok(text));
    Received received = new Received();

    fetcher().fetch(get(uri), received);

    assertThat(received.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }
}
