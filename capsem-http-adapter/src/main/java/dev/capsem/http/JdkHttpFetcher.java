package dev.capsem.http;

import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import dev.capsem.core.ports.TransferPace;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpFetcher} on the JDK's client. The body is pushed to the core's sink as it arrives (one
 * piece requested at a time). The head must come within the request's timeout; the body is then
 * watched against the call's {@link TransferPace}: a server that stalls (no byte for the idle
 * timeout) or trickles (below the minimum rate over the window) is cut off, while a large body that
 * keeps coming at an ordinary rate may take as long as it needs.
 */
final class JdkHttpFetcher implements HttpFetcher {

  /** How often the pace is looked at while a body arrives. */
  private static final long WATCH_MILLIS = 100;

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
    Progress progress = new Progress();
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(
            request.build(),
            info -> {
              progress.headArrived();
              HttpReply head = new HttpReply(info.statusCode(), info.headers().map());
              try {
                return new SinkSubscriber(handler.open(head), null, progress);
              } catch (IOException refused) {
                return new SinkSubscriber(null, refused, progress);
              }
            });
    // A failure before the head (refused connection, bad TLS) ends the wait for it at once.
    exchange.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            progress.head.completeExceptionally(failure);
          }
        });
    try {
      waitForHead(call, exchange, progress);
      HttpResponse<Void> response = waitForBody(call, exchange, progress);
      return new HttpReply(response.statusCode(), response.headers().map());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(call.method() + " " + call.uri() + " was interrupted");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static void waitForHead(
      HttpCall call, CompletableFuture<HttpResponse<Void>> exchange, Progress progress)
      throws InterruptedException, ExecutionException, HttpTimeoutException {
    try {
      progress.head.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut(call, "no response within " + call.timeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      // The head never came because the exchange failed: its own failure says why.
      exchange.get();
      throw e;
    }
  }

  private static HttpResponse<Void> waitForBody(
      HttpCall call, CompletableFuture<HttpResponse<Void>> exchange, Progress progress)
      throws InterruptedException, ExecutionException, HttpTimeoutException {
    TransferPace pace = call.pace();
    while (true) {
      try {
        return exchange.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillComing) {
        String violation = progress.violation(pace);
        if (violation != null) {
          exchange.cancel(true);
          throw timedOut(call, violation);
        }
      }
    }
  }

  private static HttpTimeoutException timedOut(HttpCall call, String why) {
    return new HttpTimeoutException(call.method() + " " + call.uri() + " timed out: " + why);
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

  /**
   * When the head came and how the body has come since: the byte count over time, sampled by the
   * watching thread, written by the client's thread.
   */
  private static final class Progress {
    private final CompletableFuture<Void> head = new CompletableFuture<>();
    private volatile long headNanos;
    private volatile long lastByteNanos;
    private volatile long bytes;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    void headArrived() {
      long now = System.nanoTime();
      headNanos = now;
      lastByteNanos = now;
      head.complete(null);
    }

    void received(int count) {
      bytes += count;
      lastByteNanos = System.nanoTime();
    }

    /** Only the watching thread calls this. */
    String violation(TransferPace pace) {
      long now = System.nanoTime();
      long total = bytes;
      if (samples.isEmpty()) {
        samples.addLast(new long[] {headNanos, 0});
      }
      samples.addLast(new long[] {now, total});
      long windowStart = now - pace.rateWindow().toNanos();
      // Keep the newest sample at or before the window's start: the count the window began with.
      while (samples.size() > 1) {
        long[] first = samples.removeFirst();
        if (samples.peekFirst()[0] > windowStart) {
          samples.addFirst(first);
          break;
        }
      }
      long[] oldest = samples.peekFirst();
      long inWindow = total - oldest[1];
      return pace.violation(
          Duration.ofNanos(now - lastByteNanos), Duration.ofNanos(now - headNanos), inWindow);
    }
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
    private final Progress progress;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    SinkSubscriber(BodySink sink, IOException refused, Progress progress) {
      this.sink = sink;
      this.refused = refused;
      this.progress = progress;
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
          progress.received(piece.length);
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
