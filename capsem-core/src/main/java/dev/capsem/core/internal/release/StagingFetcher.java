package dev.capsem.core.internal.release;

import dev.capsem.core.ports.HttpCall;
import dev.capsem.core.ports.HttpFetcher;
import dev.capsem.core.ports.HttpReply;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a release before it is published: every URL under a configured base URL is answered from
 * the local folder that will be uploaded there, so that {@code manifest check --download} verifies
 * exactly the bytes, hashes and signatures a client will get. Other URLs are refused: the verify
 * phase never reaches the network.
 */
final class StagingFetcher implements HttpFetcher {

  private final Map<String, Path> roots = new LinkedHashMap<>();

  /**
   * @param roots base URL (without a trailing slash) to the local folder published there
   */
  StagingFetcher(Map<String, Path> roots) {
    roots.forEach(
        (url, dir) -> this.roots.put(url.replaceAll("/+$", "") + "/", dir.toAbsolutePath()));
  }

  @Override
  public HttpReply fetch(HttpCall call, BodyHandler handler) throws IOException {
    String url = call.uri().toString();
    for (Map.Entry<String, Path> root : roots.entrySet()) {
      if (!url.startsWith(root.getKey())) {
        continue;
      }
      String relative = url.substring(root.getKey().length());
      int cut = relative.indexOf('?');
      if (cut >= 0) {
        relative = relative.substring(0, cut);
      }
      Path file =
          root.getValue()
              .resolve(URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8))
              .normalize();
      if (!file.startsWith(root.getValue()) || !Files.isRegularFile(file)) {
        HttpReply missing = new HttpReply(404, Map.of("Content-Length", List.of("0")));
        handler.open(missing);
        return missing;
      }
      String type =
          file.getFileName().toString().endsWith(".json")
              ? "application/json"
              : "application/octet-stream";
      HttpReply reply =
          new HttpReply(
              200,
              Map.of(
                  "Content-Length",
                  List.of(Long.toString(Files.size(file))),
                  "Content-Type",
                  List.of(type)));
      BodySink sink = handler.open(reply);
      if (call.method().equals("GET")) {
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sink.write(buffer, 0, n);
          }
        }
      }
      return reply;
    }
    throw new IOException(
        "not part of the staged release: "
            + url
            + " (before publishing, only URLs under "
            + String.join(", ", roots.keySet())
            + " are checked, from the local files)");
  }
}
