package dev.capsem.core.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A web site a test controls: a loopback server for real HTTP adapters ({@link LoopbackServer}), or
 * an in-memory one for the fakes ({@link FakeWeb}). The HTTP contracts describe what they need in
 * these terms, so that the fake and the real adapter meet the same site.
 */
public interface TestSite {

  /** Answers {@code path} (starting with {@code /}) with {@code response}; returns its URL. */
  URI serve(String path, ServedResponse response);

  /** A URL on this site that answers {@code 404}. */
  default URI missing() {
    return serve("/capsem-contract/missing", ServedResponse.status(404));
  }

  /** The requests received for {@code path}, oldest first. */
  List<Request> received(String path);

  /**
   * One request as the site saw it.
   *
   * @param headers header names in lower case, each with its first value
   */
  record Request(String method, Map<String, String> headers) {
    public Request {
      headers = Map.copyOf(headers);
    }
  }
}
