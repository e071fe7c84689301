package dev.capsem.core.internal.report;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostics as report objects: upstream's {@code {path, message}} followed by ours (D4): {@code
 * code}, {@code severity}, {@code line}, {@code column}, always present, {@code null} when unknown.
 */
public final class DiagnosticJson {

  private DiagnosticJson() {}

  public static ObjectNode of(Diagnostic d) {
    return ObjectNode.builder()
        .put("path", d.path())
        .put("message", d.message())
        .put("code", d.code().name())
        .put("severity", d.severity().jsonName())
        .put("line", d.position() == null ? NullNode.of() : IntegerNode.of(d.position().line()))
        .put("column", d.position() == null ? NullNode.of() : IntegerNode.of(d.position().column()))
        .build();
  }

  /** For reports that span several files: {@code file} first, then the usual fields. */
  public static ObjectNode withFile(Diagnostic d) {
    ObjectNode.Builder out = ObjectNode.builder();
    out.put(
        "file",
        d.file() == null ? NullNode.of() : dev.capsem.core.internal.json.StringNode.of(d.file()));
    for (ObjectNode.Member member : of(d).entries()) {
      out.put(member.key(), member.value());
    }
    return out.build();
  }

  public static ArrayNode array(List<Diagnostic> diagnostics) {
    List<Node> items = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      items.add(of(d));
    }
    return ArrayNode.of(items);
  }

  /** Whether every diagnostic is a warning: reports are {@code ok} exactly then. */
  public static boolean noErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
