package dev.capsem.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Position;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads one JSON document into a positioned {@link Node} tree with Jackson's streaming parser:
 * strict JSON, a repeated key refused (E572: Python's {@code json} would keep the last value while
 * a reviewer reads the first), nesting and sizes bounded by {@link StreamReadConstraints}. Python's
 * {@code NaN}/{@code Infinity} are read only in the {@link JsonDialect#PYTHON} dialect. When
 * Jackson refuses a document, {@link DialectErrors} words the failure as upstream does.
 */
public final class JsonReader {

  /** Deeper nesting is refused, in each dialect's words (the hand-written reader's limit). */
  static final int MAX_DEPTH = 512;

  /** Python refuses integers of more digits ({@code sys.get_int_max_str_digits()}). */
  static final int MAX_NUMBER_LENGTH = 4300;

  private static final JsonFactory STRICT = factory(false);
  private static final JsonFactory WITH_NON_FINITE = factory(true);

  private final String text;
  private final TextPositions lines;
  private final JsonDialect dialect;
  private final JsonParser parser;
  private final Deque<Frame> open = new ArrayDeque<>();

  /** Where the last accepted token ends and what must follow it: the error scan starts there. */
  private int resume;

  private DialectErrors.Expect expect = DialectErrors.Expect.VALUE;

  private JsonReader(String text, JsonDialect dialect, JsonParser parser) {
    this.text = text;
    this.lines = new TextPositions(text);
    this.dialect = dialect;
    this.parser = parser;
  }

  /** Parses one JSON document. */
  public static Node read(String text, JsonDialect dialect) throws JsonSyntaxException {
    JsonFactory factory = dialect == JsonDialect.PYTHON ? WITH_NON_FINITE : STRICT;
    try (JsonParser parser = factory.createParser(text)) {
      return new JsonReader(text, dialect, parser).document();
    } catch (IOException e) {
      // Only closing can get here (document() handles every parse failure); a String never fails.
      throw new IllegalStateException(e);
    }
  }

  private Node document() throws JsonSyntaxException, IOException {
    Node root;
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw refused(text.length());
      }
      root = value(first);
    } catch (JsonProcessingException e) {
      throw refused(e);
    }
    // Jackson reads a stream of root values; upstream reads exactly one.
    int end = (int) parser.currentLocation().getCharOffset();
    while (end < text.length() && " \t\n\r".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    if (end < text.length()) {
      throw refused(end);
    }
    return root;
  }

  private Node value(JsonToken token) throws IOException, JsonSyntaxException {
    Position at = lines.position((int) parser.currentTokenLocation().getCharOffset());
    Node node =
        switch (token) {
          case START_OBJECT -> object(at);
          case START_ARRAY -> array(at);
          case VALUE_STRING -> new StringNode(parser.getText(), at);
          case VALUE_NUMBER_INT -> new IntegerNode(parser.getBigIntegerValue(), at);
          case VALUE_NUMBER_FLOAT -> new FloatNode(finite(parser.getDoubleValue()), at);
          case VALUE_TRUE -> new BooleanNode(true, at);
          case VALUE_FALSE -> new BooleanNode(false, at);
          case VALUE_NULL -> new NullNode(at);
          default -> throw refused((int) parser.currentTokenLocation().getCharOffset());
        };
    accepted(open.isEmpty() ? DialectErrors.Expect.END : open.peek().next());
    return node;
  }

  private ObjectNode object(Position at) throws IOException, JsonSyntaxException {
    Frame frame =
        opened(new Frame(ObjectNode.builder(at), null), DialectErrors.Expect.OBJECT_FIRST);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; ) {
      if (token != JsonToken.FIELD_NAME) {
        throw refused((int) parser.currentTokenLocation().getCharOffset());
      }
      Position keyAt = lines.position((int) parser.currentTokenLocation().getCharOffset());
      String key = parser.currentName();
      frame.object().put(key, keyAt, value(parser.nextToken()));
      token = parser.nextToken();
    }
    closed();
    return frame.object().build();
  }

  private ArrayNode array(Position at) throws IOException, JsonSyntaxException {
    Frame frame = opened(new Frame(null, new ArrayList<>()), DialectErrors.Expect.ARRAY_FIRST);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; ) {
      frame.items().add(value(token));
      token = parser.nextToken();
    }
    closed();
    return new ArrayNode(frame.items(), at);
  }

  private Frame opened(Frame frame, DialectErrors.Expect next) {
    open.push(frame);
    resume = (int) parser.currentTokenLocation().getCharOffset() + 1;
    expect = next;
    return frame;
  }

  private void closed() {
    open.pop();
  }

  private void accepted(DialectErrors.Expect next) {
    resume = (int) parser.currentLocation().getCharOffset();
    expect = next;
  }

  /**
   * A float as Python reads it. Jackson accepts more spellings of infinity than Python and every
   * overflowing literal, which jiter refuses; both go to the error scan, which finds the
   * difference.
   */
  private double finite(double value) throws IOException, JsonSyntaxException {
    String spelled = parser.getText();
    boolean named = !spelled.isEmpty() && !Character.isDigit(spelled.charAt(spelled.length() - 1));
    boolean python = List.of("NaN", "Infinity", "-Infinity").contains(spelled);
    if (named && !python || !Double.isFinite(value) && dialect == JsonDialect.PYDANTIC) {
      throw refused((int) parser.currentLocation().getCharOffset());
    }
    return value;
  }

  /**
   * Words Jackson's refusal. A syntax error or a repeated key is found again by the error scan, in
   * upstream's words; a read constraint other than the nesting depth (which the scan counts) has no
   * upstream wording and keeps Jackson's reason.
   */
  private JsonSyntaxException refused(JsonProcessingException failure) {
    int at = failure.getLocation() == null ? resume : (int) failure.getLocation().getCharOffset();
    boolean limit = failure instanceof StreamConstraintsException;
    JsonSyntaxException worded = limit && open.size() < MAX_DEPTH ? null : scan();
    if (worded != null) {
      return worded;
    }
    // Jackson's reason names its own API: "... (4300, from `StreamReadConstraints...`)".
    String reason =
        limit
            ? "document exceeds a read limit: "
                + failure.getOriginalMessage().replaceAll(", from `[^`]*`", "")
            : "not JSON";
    return new DialectErrors(text, lines, dialect).constraint(reason, at, Code.E002);
  }

  /** Text Jackson accepted but upstream does not. */
  private JsonSyntaxException refused(int at) {
    JsonSyntaxException worded = scan();
    return worded != null
        ? worded
        : new DialectErrors(text, lines, dialect).constraint("not JSON", at, Code.E002);
  }

  private JsonSyntaxException scan() {
    List<Boolean> kinds = new ArrayList<>();
    open.descendingIterator().forEachRemaining(frame -> kinds.add(frame.items() == null));
    Frame innermost = open.peek();
    return new DialectErrors(text, lines, dialect)
        .find(
            resume,
            expect,
            kinds,
            key -> innermost != null && innermost.object() != null && innermost.object().has(key));
  }

  private static JsonFactory factory(boolean nonFinite) {
    JsonFactoryBuilder builder = new JsonFactoryBuilder();
    builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    builder.streamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build());
    if (nonFinite) {
      builder.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }
    return builder.build();
  }

  /** An open object (a builder) or array (its items). */
  private record Frame(ObjectNode.Builder object, List<Node> items) {
    DialectErrors.Expect next() {
      return object != null ? DialectErrors.Expect.OBJECT_NEXT : DialectErrors.Expect.ARRAY_NEXT;
    }
  }
}
