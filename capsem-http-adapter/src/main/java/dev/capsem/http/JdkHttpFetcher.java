package dev.capsem.http;

import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpFetcher} on the JDK's client. The body is pushed to the core's sink as it arrives (one
 * piece requested at a time), and the whole exchange, body included, is bounded by the request's
 * timeout: a server that stalls mid-body is cut off, not waited for.
 */
final class JdkHttpFetcher implements HttpFetcher {

  private final HttpClient client;

  JdkHttpFetcher(HttpClient client) {
    this.client = client;
  }

  @Override
  public HttpReply fetch(HttpCall call, BodyHandler handler) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri())
            .method(call.method(), HttpRequest.BodyPublishers.noBody())
            .timeout(call.timeout());
    call.headers().forEach(request::header);
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(
            request.build(),
            info -> {
              HttpReply head = new HttpReply(info.statusCode(), info.headers().map());
              try {
                return new SinkSubscriber(handler.open(head), null);
              } catch (IOException refused) {
                return new SinkSubscriber(null, refused);
              }
            });
    try {
      HttpResponse<Void> response = exchange.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return new HttpReply(response.statusCode(), response.headers().map());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException(
          call.method()
              + " "
              + call.uri()
              + " timed out after "
              + call.timeout().toSeconds()
              + " s");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(call.method() + " " + call.uri() + " was interrupted");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** The core's own exception, as thrown; anything else as an {@link IOException}. */
  private static IOException unwrap(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SinkFailure sink) {
        return sink.reason;
      }
    }
    if (failure instanceof IOException io) {
      return io;
    }
    return new IOException(
        failure.getMessage() == null ? failure.toString() : failure.getMessage(), failure);
  }

  /** Carries the sink's exception through the client's futures, so it comes out unchanged. */
  private static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient IOException reason;

    SinkFailure(IOException reason) {
      super(reason.getMessage(), reason, false, false);
      this.reason = reason;
    }
  }

  /** Writes each received piece to the sink; a sink failure cancels the exchange. */
  private static final class SinkSubscriber implements HttpResponse.BodySubscriber<Void> {
    private final BodySink sink;
    private final IOException refused;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    SinkSubscriber(BodySink sink, IOException refused) {
      this.sink = sink;
      this.refused = refused;
    }

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (refused != null) {
        subscription.cancel();
        done.completeExceptionally(new SinkFailure(refused));
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (done.isDone()) {
        return;
      }
      try {
        for (ByteBuffer buffer : buffers) {
          byte[] piece = new byte[buffer.remaining()];
          buffer.get(piece);
          sink.write(piece, 0, piece.length);
        }
      } catch (IOException e) {
        subscription.cancel();
        done.completeExceptionally(new SinkFailure(e));
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
