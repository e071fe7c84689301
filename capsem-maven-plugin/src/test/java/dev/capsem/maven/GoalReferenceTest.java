package dev.capsem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/goals.md is the help goal's descriptor ({@code plugin-help.xml}, what {@code mvn capsem:help
 * -Ddetail} prints) as a page; this test keeps the page current, and checks STYLE's rule for
 * parameters. Regenerate with {@code mvn -pl capsem-maven-plugin test -Dtest=GoalReferenceTest
 * -Dcapsem.updateDocs=true}.
 */
class GoalReferenceTest {

  private static final String DESCRIPTOR =
      "/META-INF/maven/dev.capsem/capsem-maven-plugin/plugin-help.xml";
  private static final Path PAGE = Path.of("..", "docs", "goals.md");

  private record Parameter(
      String name, String property, String defaultValue, String since, String description) {}

  private record Goal(
      String name,
      String description,
      String phase,
      boolean aggregator,
      List<Parameter> parameters) {}

  @Test
  void goalsPage_matchesTheHelpDescriptor() throws Exception {
    String page = render(goals());

    if (Boolean.getBoolean("capsem.updateDocs")) {
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as(
            "docs/goals.md is out of date; regenerate it with: mvn -pl capsem-maven-plugin test"
                + " -Dtest=GoalReferenceTest -Dcapsem.updateDocs=true")
        .isEqualTo(page);
  }

  @Test
  void everyParameter_hasADescriptionSinceAndCapsemProperty() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Goal goal : goals()) {
      for (Parameter p : goal.parameters()) {
        if (p.description().isBlank()) {
          problems.add(goal.name() + "." + p.name() + ": no description");
        }
        if (p.since().isBlank()) {
          problems.add(goal.name() + "." + p.name() + ": no @since");
        }
        if (!p.property().startsWith("capsem.")) {
          problems.add(
              goal.name() + "." + p.name() + ": property is not capsem.*: " + p.property());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<Goal> goals() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document doc;
    try (InputStream in = GoalReferenceTest.class.getResourceAsStream(DESCRIPTOR)) {
      assertThat(in).as("help descriptor %s", DESCRIPTOR).isNotNull();
      doc = factory.newDocumentBuilder().parse(in);
    }
    List<Goal> goals = new ArrayList<>();
    NodeList mojos = doc.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = text(mojo, "goal");
      if (goal.equals("help")) {
        continue;
      }
      Element configuration = child(mojo, "configuration");
      List<Parameter> parameters = new ArrayList<>();
      Element params = child(mojo, "parameters");
      if (params != null) {
        for (Element param : children(params, "parameter")) {
          if (!"true".equals(text(param, "editable"))) {
            continue;
          }
          String name = text(param, "name");
          Element config = configuration == null ? null : child(configuration, name);
          String expression = config == null ? "" : config.getTextContent().strip();
          String property =
              expression.startsWith("${") && expression.endsWith("}")
                  ? expression.substring(2, expression.length() - 1)
                  : "";
          String defaultValue = config == null ? "" : config.getAttribute("default-value");
          parameters.add(
              new Parameter(
                  name, property, defaultValue, text(param, "since"), text(param, "description")));
        }
      }
      goals.add(
          new Goal(
              goal,
              text(mojo, "description"),
              text(mojo, "phase"),
              "true".equals(text(mojo, "aggregator")),
              parameters));
    }
    return goals;
  }

  private static String render(List<Goal> goals) {
    StringBuilder out = new StringBuilder();
    out.append("# capsem-maven-plugin goals\n\n")
        .append(
            "Generated from the plugin's help descriptor (what `mvn capsem:help -Ddetail` prints);\n")
        .append(
            "`GoalReferenceTest` keeps this page current. Every goal also takes `capsem.skip`,\n")
        .append(
            "`capsem.outputDirectory` and `capsem.failOnWarning`, listed below with the rest.\n");
    for (Goal goal : goals) {
      out.append("\n## `capsem:").append(goal.name()).append("`\n\n");
      out.append(goal.description().strip()).append("\n\n");
      out.append("Default phase: ")
          .append(goal.phase().isEmpty() ? "none (run it by name)" : "`" + goal.phase() + "`");
      if (goal.aggregator()) {
        out.append(". Aggregator: runs once for the whole reactor");
      }
      out.append(".\n\n");
      out.append("| Parameter | Property | Default | Since | Description |\n");
      out.append("|---|---|---|---|---|\n");
      for (Parameter p : goal.parameters()) {
        out.append("| `")
            .append(p.name())
            .append("` | `")
            .append(p.property())
            .append("` | ")
            .append(p.defaultValue().isEmpty() ? "–" : "`" + p.defaultValue() + "`")
            .append(" | ")
            .append(p.since())
            .append(" | ")
            .append(p.description().strip().replace("\n", " ").replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? "" : child.getTextContent().strip();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }
}
