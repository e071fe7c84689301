package dev.capsem.core.internal.policycontext;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A JSONL corpus of {@code capsem.policy-context-fixture.v1} lines, read as upstream reads it:
 * Python's line splitting, blank lines skipped, line numbers counted from 1 including blank lines,
 * and the <em>first</em> bad line stops the whole corpus (no fixture is kept, so {@code
 * event_count} is 0), reported as {@code <events path>:<line>: <error>} (E208).
 *
 * @param fixtures the events in file order, empty when the corpus was refused
 * @param problem why the corpus was refused, or {@code null}
 */
public record PolicyContextCorpus(List<PolicyContextFixture> fixtures, Diagnostic problem) {

  private static final String MODEL = "PolicyContextFixtureV1";

  /** Past this many lines the lines are parsed on every core; below it threads cost more. */
  private static final int PARALLEL_THRESHOLD = 4096;

  public PolicyContextCorpus {
    fixtures = List.copyOf(fixtures);
  }

  public boolean ok() {
    return problem == null;
  }

  /** Reads {@code file}; {@code shownAs} is the path as the user gave it. */
  public static PolicyContextCorpus read(Path file, String shownAs) {
    String shown = PythonPath.normalize(shownAs);
    String text;
    try {
      Position[] bad = new Position[1];
      text = InputDocument.utf8(Files.readAllBytes(file), at -> bad[0] = at);
      if (text == null) {
        return refused(
            new Diagnostic(
                Code.E002, shown, "", bad[0], shown + ": the events file is not valid UTF-8"));
      }
    } catch (IOException e) {
      return refused(
          new Diagnostic(Code.E002, shown, "", null, shown + ": cannot read: " + e.getMessage()));
    }
    return parse(text, shown);
  }

  /** Parses JSONL text; {@code shown} names the file in diagnostics. */
  public static PolicyContextCorpus parse(String text, String shown) {
    List<String> lines = PythonLines.split(text);
    Object[] parsed = new Object[lines.size()];
    IntStream indexes = IntStream.range(0, lines.size());
    if (lines.size() >= PARALLEL_THRESHOLD) {
      indexes = indexes.parallel();
    }
    indexes.forEach(i -> parsed[i] = line(lines.get(i), i + 1, shown));
    List<PolicyContextFixture> fixtures = new ArrayList<>(lines.size());
    for (Object line : parsed) {
      if (line instanceof Diagnostic problem) {
        return refused(problem);
      }
      if (line != null) {
        fixtures.add((PolicyContextFixture) line);
      }
    }
    return new PolicyContextCorpus(fixtures, null);
  }

  /** A fixture, a diagnostic, or {@code null} for a blank line. */
  static Object line(String line, int number, String shown) {
    if (PythonLines.isBlank(line)) {
      return null;
    }
    Node tree;
    try {
      tree = JsonReader.read(line, JsonDialect.PYDANTIC);
    } catch (JsonSyntaxException e) {
      return problem(
          e.code() == Code.E572 ? Code.E572 : Code.E208,
          shown,
          number,
          e.position(),
          List.<String[]>of(new String[] {"", "Invalid JSON: " + e.getMessage()}));
    }
    Validated validated = PolicyContextModel.FIXTURE.validate(tree);
    if (!validated.ok()) {
      List<String[]> errors = new ArrayList<>();
      for (Issue issue : validated.issues()) {
        errors.add(new String[] {issue.path().toString(), issue.message()});
      }
      return problem(Code.E208, shown, number, validated.issues().get(0).position(), errors);
    }
    return fixture((ObjectNode) validated.value());
  }

  private static PolicyContextFixture fixture(ObjectNode value) {
    ObjectNode ref = (ObjectNode) value.get("event_ref");
    List<String> labels = new ArrayList<>();
    for (Node label :
        ((dev.capsem.core.internal.json.ArrayNode) value.get("expected_labels")).items()) {
      labels.add(((StringNode) label).value());
    }
    return new PolicyContextFixture(
        new EventRef(
            ref.string("corpus"),
            ref.string("session_id"),
            ref.string("event_id"),
            ((dev.capsem.core.internal.json.IntegerNode) ref.get("sequence"))
                .value()
                .longValueExact(),
            ((dev.capsem.core.internal.json.IntegerNode) ref.get("timestamp_unix_ms"))
                .value()
                .longValueExact()),
        labels,
        PolicyContext.of((ObjectNode) value.get("context")));
  }

  /**
   * Pydantic's error block, without its type and URL details (only the {@code <path>:<line>: }
   * prefix is a contract): {@code 1 validation error for PolicyContextFixtureV1\nloc\n message}.
   */
  private static Diagnostic problem(
      Code code, String shown, int number, Position inLine, List<String[]> errors) {
    StringBuilder message = new StringBuilder();
    message
        .append(shown)
        .append(':')
        .append(number)
        .append(": ")
        .append(errors.size())
        .append(errors.size() == 1 ? " validation error for " : " validation errors for ")
        .append(MODEL);
    for (String[] error : errors) {
      if (!error[0].isEmpty()) {
        message.append('\n').append(error[0]);
      }
      message.append("\n  ").append(error[1]);
    }
    Position position = new Position(number, inLine == null ? 1 : inLine.column());
    return new Diagnostic(code, shown, "", position, message.toString());
  }

  private static PolicyContextCorpus refused(Diagnostic problem) {
    return new PolicyContextCorpus(List.of(), problem);
  }
}
