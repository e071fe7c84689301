package dev.capsem.core.internal.report;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The report of a command that writes or prints a document ({@code capsem.generated.v1}): upstream
 * prints only the document or {@code created <file>}; ours also answers {@code --json}.
 */
public final class GeneratedReport {

  public static final String SCHEMA = "capsem.generated.v1";

  private GeneratedReport() {}

  /** Files written, as the user named them, with the lines upstream prints. */
  public static String written(List<String> files, List<String> messages) {
    return JsonPrinter.pretty()
        .printLine(
            ObjectNode.builder()
                .put("schema", SCHEMA)
                .put("ok", BooleanNode.of(true))
                .put("files", ArrayNode.ofStrings(files))
                .put("messages", ArrayNode.ofStrings(messages))
                .build());
  }

  /** A document printed rather than written. */
  public static String printed(String document) {
    return JsonPrinter.pretty()
        .printLine(
            ObjectNode.builder()
                .put("schema", SCHEMA)
                .put("ok", BooleanNode.of(true))
                .put("files", ArrayNode.ofStrings(List.of()))
                .put("document", document)
                .build());
  }
}
