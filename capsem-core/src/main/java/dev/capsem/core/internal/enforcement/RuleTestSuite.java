package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.PolicyContextModel;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Schema;
import dev.capsem.core.internal.schema.Validated;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule-test file ({@code *.enforcement-test.toml}, or JSON): the pack under test, optional
 * corpora whose events count towards rule coverage, and cases, each a context and the decision a
 * reader expects for it.
 *
 * <pre>{@code
 * pack = "corp-enforcement.toml"       # relative to this file
 * events = ["corpus.jsonl"]            # optional
 *
 * [[cases]]
 * name = "github is allowed"
 * context = { common = { event_type = "http.request" }, http = { request = { host = "github.com" } } }
 * expect = { decision = "allow", rule = "http.allow_github" }
 * }</pre>
 *
 * <p>{@code expect.decision} is the deciding rule's own decision ({@code allow}, {@code block},
 * {@code ask}, {@code rewrite}), or {@code none} when no rule may match; {@code expect.rule}, when
 * given, is the rule that must decide.
 */
public record RuleTestSuite(
    String file,
    Path pack,
    String packShownAs,
    List<Path> events,
    List<String> eventsShownAs,
    List<Case> cases) {

  public static final String SCHEMA = "capsem.enforcement-test.v1";

  /** What a case expects when no rule matches. */
  public static final String NONE = "none";

  /** One case: a name, a context, and the expectation, with where the case was written. */
  public record Case(
      String name,
      PolicyContext context,
      String expectedDecision,
      String expectedRule,
      String path,
      Position position) {}

  /** A suite when the file is valid, and every finding about it. */
  public record Read(RuleTestSuite suite, List<Diagnostic> diagnostics) {
    public Read {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private static final ObjectSchema FILE =
      Schema.object("EnforcementTestV1")
          .defaulted("schema", Schema.literal(SCHEMA), StringNode.of(SCHEMA))
          .required("pack", Schema.nonEmptyString())
          .defaultFactory("events", Schema.list(Schema.nonEmptyString()), ArrayNode.of(List.of()))
          .required(
              "cases",
              Schema.list(
                      Schema.object("EnforcementTestCaseV1")
                          .required("name", Schema.nonEmptyString())
                          .required("context", PolicyContextModel.context().schema())
                          .required(
                              "expect",
                              Schema.object("EnforcementTestExpectationV1")
                                  .required(
                                      "decision",
                                      Schema.oneOf("allow", "block", "ask", "rewrite", NONE))
                                  .optional("rule", Schema.nonEmptyString())
                                  .build())
                          .build())
                  .minItems(1))
          .build();

  public RuleTestSuite {
    events = List.copyOf(events);
    eventsShownAs = List.copyOf(eventsShownAs);
    cases = List.copyOf(cases);
  }

  /** Reads {@code file}; paths inside it are relative to its folder. */
  public static Read read(Path file, String shownAs) {
    InputDocument input = InputDocument.read(file, shownAs, "enforcement_test");
    if (!input.parsed()) {
      return new Read(null, input.problems());
    }
    Validated validated = FILE.validate(input.tree());
    if (!validated.ok()) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (Issue issue : validated.issues()) {
        diagnostics.add(issue.in(shownAs));
      }
      return new Read(null, diagnostics);
    }
    ObjectNode document = (ObjectNode) validated.value();
    Path folder = file.toAbsolutePath().getParent();
    String shownFolder = parentOf(shownAs);
    List<Path> events = new ArrayList<>();
    List<String> eventsShown = new ArrayList<>();
    for (Node event : ((ArrayNode) document.get("events")).items()) {
      String relative = ((StringNode) event).value();
      events.add(folder.resolve(relative));
      eventsShown.add(shownFolder + relative);
    }
    List<Case> cases = new ArrayList<>();
    List<Node> items = ((ArrayNode) document.get("cases")).items();
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = (ObjectNode) items.get(i);
      ObjectNode expect = item.object("expect");
      cases.add(
          new Case(
              item.string("name"),
              PolicyContext.of((ObjectNode) item.get("context")),
              expect.string("decision"),
              expect.string("rule"),
              "cases." + i,
              item.position()));
    }
    String pack = document.string("pack");
    return new Read(
        new RuleTestSuite(
            shownAs, folder.resolve(pack), shownFolder + pack, events, eventsShown, cases),
        List.of());
  }

  private static String parentOf(String shown) {
    int slash = shown.lastIndexOf('/');
    return slash < 0 ? "" : shown.substring(0, slash + 1);
  }
}
