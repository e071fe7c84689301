package dev.capsem.docker;

import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.TransferPace;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Build inputs over HTTP(S) with the JDK's client: redirects followed, the JVM's proxy and trust
 * settings honoured, a {@code User-Agent} like upstream's. A download's body is watched against a
 * {@link TransferPace} (by the size of the file it fills): a stalled or trickling server is given
 * up, a slow but steady one is not. Every failure names the URL, since it ends up in the user's
 * error message.
 */
public final class HttpDownloader implements Downloader {

  private static final String USER_AGENT = "capsem-build/1.0";
  private static final long WATCH_MILLIS = 200;

  private final TransferPace pace;

  // Made on first use: building the client initialises TLS, start-up time that commands which
  // never download (most of them) need not pay.
  private HttpClient client;

  public HttpDownloader() {
    this(TransferPace.DOWNLOADS);
  }

  /** With another pace (tests make it seconds rather than a minute). */
  public HttpDownloader(TransferPace pace) {
    this.pace = pace;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }
    return client;
  }

  @Override
  public byte[] get(URI url, Duration timeout) throws IOException {
    HttpResponse<byte[]> response = send(url, timeout, HttpResponse.BodyHandlers.ofByteArray());
    return response.body();
  }

  @Override
  public void download(URI url, Path target, Duration timeout) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      Files.deleteIfExists(partial);
      // No request timeout: with a file body, the JDK's would also cut the body (JDK 17); the
      // watch below bounds the head by the timeout and the body by the pace.
      HttpRequest request =
          HttpRequest.newBuilder(url).header("User-Agent", USER_AGENT).GET().build();
      AtomicLong head = new AtomicLong();
      CompletableFuture<HttpResponse<Path>> exchange =
          client()
              .sendAsync(
                  request,
                  info -> {
                    head.set(System.nanoTime());
                    return HttpResponse.BodyHandlers.ofFile(partial).apply(info);
                  });
      HttpResponse<Path> response =
          watch(url, exchange, partial, head, timeout, idleBound(timeout));
      if (response.statusCode() / 100 != 2) {
        throw new IOException("HTTP " + response.statusCode() + " for " + url);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * The pace of a body: no gap between bytes longer than {@code timeout} either, since a caller
   * that gives a short timeout means every wait, not only the head's; the minimum rate stays.
   */
  private TransferPace idleBound(Duration timeout) {
    return timeout.compareTo(pace.idleTimeout()) >= 0
        ? pace
        : new TransferPace(timeout, pace.minimumBytesPerSecond(), pace.rateWindow());
  }

  /**
   * Waits for the exchange: {@code timeout} for the head, then {@code pace} for the body, watched
   * by the size of the file it fills.
   */
  private static HttpResponse<Path> watch(
      URI url,
      CompletableFuture<HttpResponse<Path>> exchange,
      Path partial,
      AtomicLong head,
      Duration timeout,
      TransferPace pace)
      throws IOException {
    long sent = System.nanoTime();
    long lastGrowth = 0;
    long lastSize = 0;
    ArrayDeque<long[]> samples = new ArrayDeque<>();
    while (true) {
      try {
        return exchange.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillComing) {
        long now = System.nanoTime();
        long start = head.get();
        if (start == 0) {
          if (now - sent > timeout.toNanos()) {
            exchange.cancel(true);
            throw new HttpTimeoutException(
                "GET " + url + " timed out: no response within " + timeout.toMillis() + " ms");
          }
          continue;
        }
        if (samples.isEmpty()) {
          samples.add(new long[] {start, 0});
          lastGrowth = start;
        }
        long size = Files.exists(partial) ? Files.size(partial) : 0;
        if (size > lastSize) {
          lastSize = size;
          lastGrowth = now;
        }
        samples.addLast(new long[] {now, size});
        long windowStart = now - pace.rateWindow().toNanos();
        while (samples.size() > 1) {
          long[] first = samples.removeFirst();
          if (samples.peekFirst()[0] > windowStart) {
            samples.addFirst(first);
            break;
          }
        }
        String violation =
            pace.violation(
                Duration.ofNanos(now - lastGrowth),
                Duration.ofNanos(now - start),
                size - samples.peekFirst()[1]);
        if (violation != null) {
          exchange.cancel(true);
          throw new HttpTimeoutException("GET " + url + " timed out: " + violation);
        }
      } catch (InterruptedException e) {
        exchange.cancel(true);
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching " + url);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof IOException io
            ? naming(url, io)
            : new IOException("GET " + url + " failed: " + cause, cause);
      }
    }
  }

  /**
   * {@code e} when its message names {@code url}, else an IOException that does: the JDK's refused
   * connection has no message at all, its cut-short body names only the byte counts.
   */
  static IOException naming(URI url, IOException e) {
    String message = e.getMessage();
    if (message != null && message.contains(url.toString())) {
      return e;
    }
    String why =
        message != null
            ? message
            : e instanceof java.net.ConnectException
                ? "cannot connect"
                : e.getClass().getSimpleName();
    return new IOException("GET " + url + " failed: " + why, e);
  }

  private HttpRequest request(URI url, Duration timeout) {
    return HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .GET()
        .build();
  }

  private <T> HttpResponse<T> send(URI url, Duration timeout, HttpResponse.BodyHandler<T> body)
      throws IOException {
    HttpResponse<T> response;
    try {
      response = client().send(request(url, timeout), body);
    } catch (IOException e) {
      throw naming(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " for " + url);
    }
    return response;
  }
}
