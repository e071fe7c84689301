package dev.capsem.docker;

import dev.capsem.core.ports.Downloader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Build inputs over HTTP(S) with the JDK's client: redirects followed, the JVM's proxy and trust
 * settings honoured, a {@code User-Agent} like upstream's.
 */
public final class HttpDownloader implements Downloader {

  private static final String USER_AGENT = "capsem-build/1.0";

  // Made on first use: building the client initialises TLS, start-up time that commands which
  // never download (most of them) need not pay.
  private HttpClient client;

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
      send(url, timeout, HttpResponse.BodyHandlers.ofFile(partial));
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private <T> HttpResponse<T> send(URI url, Duration timeout, HttpResponse.BodyHandler<T> body)
      throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
    HttpResponse<T> response;
    try {
      response = client().send(request, body);
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
