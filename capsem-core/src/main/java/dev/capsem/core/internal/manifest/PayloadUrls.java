package dev.capsem.core.internal.manifest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a catalog's profile payloads and their signatures are published, when not under one base
 * URL: a release published to a registry names each file's blob.
 */
public interface PayloadUrls {

  /** The URL of the payload file {@code payload}. */
  String url(Path payload) throws IOException;

  /** The URL of its minisign signature. */
  String signatureUrl(Path payload) throws IOException;
}
