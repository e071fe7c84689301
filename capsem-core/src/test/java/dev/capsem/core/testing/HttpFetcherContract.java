package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HttpFetcher} must do for {@code manifest check} and the release's catalog
 * check, run against every implementation (STYLE rule 11): the head handed to the handler before
 * the body, the body streamed whole and in order, {@code HEAD} without a body, a {@code 404} as a
 * reply rather than an exception, and the caller's own exceptions coming back unchanged.
 *
 * <p>{@link HttpServerFetcherContract} adds what a fetcher in front of a real server passes
 * through: statuses, headers, redirects, request headers and the timeout.
 */
public abstract class HttpFetcherContract {

  /** A timeout no healthy exchange in these tests comes near. */
  protected static final Duration GENEROUS = Duration.ofSeconds(20);

  /** The fetcher under test. */
  protected abstract HttpFetcher fetcher();

  /** Makes {@code body} the document at {@code name} (a bare file name); returns its URL. */
  protected abstract URI publish(String name, byte[] body) throws IOException;

  /** A URL the fetcher answers with {@code 404}. */
  protected abstract URI missing() throws IOException;

  /** Bytes no test could mistake for other bytes: seeded, so a failure repeats. */
  protected static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  protected static HttpCall get(URI uri) {
    return new HttpCall("GET", uri, Map.of("User-Agent", "capsem-contract"), GENEROUS);
  }

  protected static HttpCall head(URI uri) {
    return new HttpCall("HEAD", uri, Map.of("User-Agent", "capsem-contract"), GENEROUS);
  }

  /** Everything a fetch delivered, in the order it arrived. */
  protected static final class Received implements HttpFetcher.BodyHandler {
    private final List<HttpReply> heads = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Received() {}

    @Override
    public HttpFetcher.BodySink open(HttpReply reply) {
      heads.add(reply);
      return body::write;
    }

    /** The heads handed to the handler. */
    public List<HttpReply> heads() {
      return List.copyOf(heads);
    }

    /** The body bytes written to the sink. */
    public byte[] bytes() {
      return body.toByteArray();
    }

    /** The body as UTF-8 text. */
    public String text() {
      return body.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void fetch_get_streamsTheWholeBodyInOrder() throws IOException {
    byte[] body = randomBytes(3 * 1024 * 1024 + 17, 1);
    URI uri = publish("large.bin", body);
    Received received = new Received();

    HttpReply reply = fetcher().fetch(get(uri), received);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(received.bytes()).isEqualTo(body);
  }

  @Test
  void fetch_get_handsTheHandlerTheHeadOnceWithTheDeclaredLength() throws IOException {
    byte[] body = randomBytes(4321, 3);
    URI uri = publish("length.bin", body);
    Received received = new Received();

    HttpReply reply = fetcher().fetch(get(uri), received);

    assertThat(reply.header("Content-Length")).contains("4321");
    assertThat(received.heads()).hasSize(1);
    assertThat(received.heads().get(0).status()).isEqualTo(200);
    assertThat(received.heads().get(0).header("content-length")).contains("4321");
  }

  @Test
  void fetch_emptyDocument_givesNoBytesAndLengthZero() throws IOException {
    URI uri = publish("empty.json", new byte[0]);
    Received received = new Received();

    HttpReply reply = fetcher().fetch(get(uri), received);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Length")).contains("0");
    assertThat(received.bytes()).isEmpty();
  }

  @Test
  void fetch_head_givesTheHeadAndTheLengthButNoBody() throws IOException {
    byte[] body = randomBytes(2048, 4);
    URI uri = publish("head.bin", body);
    Received received = new Received();

    HttpReply reply = fetcher().fetch(head(uri), received);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Length")).contains("2048");
    assertThat(received.heads()).hasSize(1);
    assertThat(received.bytes()).isEmpty();
  }

  @Test
  void fetch_missingDocument_isA404ReplyNotAnException() throws IOException {
    Received received = new Received();

    HttpReply reply = fetcher().fetch(get(missing()), received);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(received.heads()).extracting(HttpReply::status).containsExactly(404);
  }

  @Test
  void fetch_handlerRefusesTheBody_itsExceptionComesBackUnchanged() throws IOException {
    URI uri = publish("refused.bin", randomBytes(10_000, 5));
    IOException refusal = new IOException("declared length over the limit");

    assertThatThrownBy(
            () ->
                fetcher()
                    .fetch(
                        get(uri),
                        head -> {
                          throw refusal;
                        }))
        .isSameAs(refusal);
  }

  @Test
  void fetch_sinkFailsMidBody_itsExceptionComesBackUnchangedAndTheRestIsNotWritten()
      throws IOException {
    byte[] body = randomBytes(2 * 1024 * 1024, 6);
    URI uri = publish("aborted.bin", body);
    IOException tooMuch = new IOException("more bytes than allowed");
    int[] writes = {0};

    assertThatThrownBy(
            () ->
                fetcher()
                    .fetch(
                        get(uri),
                        head ->
                            (data, offset, length) -> {
                              writes[0]++;
                              throw tooMuch;
                            }))
        .isSameAs(tooMuch);
    assertThat(writes[0]).isEqualTo(1);
  }
}
