package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;

/**
 * Event export: whether, where, with which headers, in which batches, and what to do on failure.
 */
public record TelemetrySettings(
    boolean enabled,
    String endpoint,
    Map<String, String> headers,
    long batchMaxEvents,
    long flushIntervalMs,
    boolean redactSecrets,
    long retryAttempts,
    String failureMode) {

  public TelemetrySettings {
    headers = Nodes.ordered(headers);
  }
}
