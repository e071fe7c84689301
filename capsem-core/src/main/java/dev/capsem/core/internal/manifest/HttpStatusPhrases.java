package dev.capsem.core.internal.manifest;

import java.util.Map;

/**
 * The standard reason phrases, for upstream's {@code HTTP Error <code>: <phrase>} (the JDK's HTTP
 * client does not expose the phrase a server sent).
 */
final class HttpStatusPhrases {

  private static final Map<Integer, String> PHRASES =
      Map.ofEntries(
          Map.entry(300, "Multiple Choices"),
          Map.entry(304, "Not Modified"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(402, "Payment Required"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"),
          Map.entry(407, "Proxy Authentication Required"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(410, "Gone"),
          Map.entry(411, "Length Required"),
          Map.entry(412, "Precondition Failed"),
          Map.entry(413, "Request Entity Too Large"),
          Map.entry(414, "Request-URI Too Long"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(416, "Requested Range Not Satisfiable"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(451, "Unavailable For Legal Reasons"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"),
          Map.entry(505, "HTTP Version Not Supported"));

  private HttpStatusPhrases() {}

  static String of(int status) {
    return PHRASES.getOrDefault(status, "");
  }
}
