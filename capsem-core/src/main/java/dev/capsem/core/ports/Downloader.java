package dev.capsem.core.ports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Fetches build inputs over HTTP(S): a kernel source tarball, kernel.org's release list. */
public interface Downloader {

  /** The body of a GET, for small documents. */
  byte[] get(URI url, Duration timeout) throws IOException;

  /**
   * Streams the body of a GET into {@code target} (which the caller later moves into place). {@code
   * timeout} bounds the wait for the response's head and every gap between the body's bytes; the
   * body must also arrive at {@link TransferPace#DOWNLOADS}'s pace or the download fails, but never
   * for taking long: a steady one may take hours. A failed or killed download leaves no {@code
   * target}: the next one starts afresh. Every failure names the URL.
   */
  void download(URI url, Path target, Duration timeout) throws IOException;

  /** For callers that fetch nothing: every request fails. */
  static Downloader none() {
    return new Downloader() {
      @Override
      public byte[] get(URI url, Duration timeout) throws IOException {
        throw new IOException("no downloader is configured in this application: " + url);
      }

      @Override
      public void download(URI url, Path target, Duration timeout) throws IOException {
        throw new IOException("no downloader is configured in this application: " + url);
      }
    };
  }
}
