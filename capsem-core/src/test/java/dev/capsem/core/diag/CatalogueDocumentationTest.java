package dev.capsem.core.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md lists exactly the catalogue's codes, with their severity and check. */
class CatalogueDocumentationTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| ([EW]\\d{3}) \\| (error|warning) \\| ([^|]+) \\|", Pattern.MULTILINE);

  @Test
  void diagnosticsDoc_listsEveryCodeWithItsSeverityAndCheck() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "diagnostics.md"));
    String codes = doc.substring(doc.indexOf("## Codes"), doc.indexOf("## Upstream code"));
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = ROW.matcher(codes);
    while (row.find()) {
      documented.put(row.group(1), row.group(2) + " | " + row.group(3).strip());
    }

    Map<String, String> catalogue = new LinkedHashMap<>();
    for (Code code : Code.values()) {
      catalogue.put(code.name(), code.severity().jsonName() + " | " + code.title());
    }
    assertThat(documented).containsExactlyEntriesOf(catalogue);
  }
}
