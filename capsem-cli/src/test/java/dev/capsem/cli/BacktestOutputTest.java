package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enforcement backtest --json} writes its streamed report to standard output as bytes; what
 * arrives is the very report a text writer receives.
 */
class BacktestOutputTest {

  private static final String PACK =
      """
      {"schema": "capsem.policy-pack.v1", "id": "corp.egress", "version": "1", "status": "active",
       "owner": "corp", "rules": [
        {"id": "http.block_google", "name": "http.block_google", "event_family": "http",
         "event_type": "http.request", "priority": 1,
         "condition": "http.request.host.contains(\\"google\\")", "decision": "block",
         "reason": "no \\"google\\" \u00e9gress"}]}
      """;

  @TempDir Path dir;

  @Test
  void backtestJson_onStandardOutput_printsTheReportATextWriterReceives() throws IOException {
    Path pack = Files.writeString(dir.resolve("pack.json"), PACK, StandardCharsets.UTF_8);
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      corpus
          .append("{\"schema\":\"capsem.policy-context-fixture.v1\",\"event_ref\":{")
          .append("\"corpus\":\"c\u00f3rpus\",\"session_id\":\"s\",\"event_id\":\"e-")
          .append(i)
          .append("\",\"sequence\":")
          .append(i)
          .append(",\"timestamp_unix_ms\":1789000000000},\"context\":{\"http\":{\"request\":")
          .append("{\"method\":\"GET\",\"scheme\":\"https\",\"host\":\"")
          .append(i % 3 == 0 ? "storage.googleapis.com" : "example.com")
          .append("\",\"port\":443,\"path\":\"/\u20ac\"}},\"common\":{\"event_type\":")
          .append("\"http.request\"}}}\n");
    }
    Path events = Files.writeString(dir.resolve("events.jsonl"), corpus, StandardCharsets.UTF_8);
    String[] args = {
      "enforcement", "backtest", pack.toString(), "--events", events.toString(), "--json"
    };

    Admin.Run text = Admin.run(args);
    Admin.Run bytes = Admin.runOnStandardOutput(args);

    assertThat(text.exitCode()).as(text.stderr()).isZero();
    assertThat(text.stdout()).contains("\"match_count\": 1000,", "c\u00f3rpus", "\u00e9gress");
    assertThat(bytes.exitCode()).isZero();
    assertThat(bytes.stdout()).isEqualTo(text.stdout());
  }
}
