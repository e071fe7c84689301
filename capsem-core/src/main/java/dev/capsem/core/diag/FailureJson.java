package dev.capsem.core.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report of a use case that produced nothing ({@code capsem.failure.v1}): upstream prints such
 * failures as {@code Error: ...} only, which leaves a {@code --json} caller with nothing to parse.
 * Laid out like the other reports (two-space indent, {@code "key": value}).
 */
final class FailureJson {

  static final String SCHEMA = "capsem.failure.v1";

  private static final JsonFactory JSON = new JsonFactory();

  private FailureJson() {}

  static String of(String error, List<Diagnostic> diagnostics) {
    StringWriter out = new StringWriter();
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator json = JSON.createGenerator(out).setPrettyPrinter(pretty)) {
      json.writeStartObject();
      json.writeStringField("schema", SCHEMA);
      json.writeBooleanField("ok", false);
      json.writeStringField("error", error);
      json.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : diagnostics) {
        json.writeStartObject();
        json.writeStringField("file", d.file());
        json.writeStringField("path", d.path());
        json.writeStringField("message", d.message());
        json.writeStringField("code", d.code().name());
        json.writeStringField("severity", d.severity().jsonName());
        if (d.position() == null) {
          json.writeNullField("line");
          json.writeNullField("column");
        } else {
          json.writeNumberField("line", d.position().line());
          json.writeNumberField("column", d.position().column());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render a failure report", e);
    }
    return out + "\n";
  }
}
