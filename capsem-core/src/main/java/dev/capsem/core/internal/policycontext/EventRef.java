package dev.capsem.core.internal.policycontext;

import dev.capsem.core.internal.json.ObjectNode;
import java.util.Objects;

/**
 * Where an event came from: its corpus, session, id, sequence number and time.
 *
 * @param corpus the name of the event data set
 */
public record EventRef(
    String corpus, String sessionId, String eventId, long sequence, long timestampUnixMs) {

  public EventRef {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(eventId, "eventId");
  }

  /** Upstream's report form, keys in upstream's order. */
  public ObjectNode json() {
    return ObjectNode.builder()
        .put("corpus", corpus)
        .put("session_id", sessionId)
        .put("event_id", eventId)
        .put("sequence", sequence)
        .put("timestamp_unix_ms", timestampUnixMs)
        .build();
  }
}
