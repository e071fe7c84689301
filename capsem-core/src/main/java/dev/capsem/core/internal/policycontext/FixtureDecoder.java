package dev.capsem.core.internal.policycontext;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.FieldType.Choice;
import dev.capsem.core.internal.policycontext.FieldType.Exactly;
import dev.capsem.core.internal.policycontext.FieldType.Flag;
import dev.capsem.core.internal.policycontext.FieldType.ListOf;
import dev.capsem.core.internal.policycontext.FieldType.MapOf;
import dev.capsem.core.internal.policycontext.FieldType.Nested;
import dev.capsem.core.internal.policycontext.FieldType.Text;
import dev.capsem.core.internal.policycontext.FieldType.Whole;
import dev.cel.common.values.NullValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one corpus line with jackson-core's streaming parser straight into a fixture's context (no
 * tree), for lines that are plainly valid: every value already of its declared type, no duplicate
 * or unknown key. Anything else, which the validator might coerce or refuse, is declined ({@code
 * null}) and left to the tree path, which alone words diagnostics; so both paths give the same
 * fixture for every line this one accepts. Thread-safe.
 */
final class FixtureDecoder {

  /** Marks a value this decoder leaves to the tree path. */
  private static final Object DECLINE = new Object();

  private static final List<String> FIXTURE_KEYS =
      List.of("schema", "event_ref", "expected_labels", "context");
  private static final List<String> EVENT_REF_KEYS =
      List.of("corpus", "session_id", "event_id", "sequence", "timestamp_unix_ms");

  /** A struct, its keys, and its values when its fields are absent. */
  private record StructPlan(ContextStruct struct, KeyGuesses.Keys keys, Object[] defaults) {}

  private final JsonFactory factory = new JsonFactory();
  private final KeyGuesses.Keys fixtureKeys =
      KeyGuesses.Keys.of(0, FIXTURE_KEYS, FIXTURE_KEYS::indexOf);
  private final KeyGuesses.Keys eventRefKeys =
      KeyGuesses.Keys.of(1, EVENT_REF_KEYS, EVENT_REF_KEYS::indexOf);
  private final Map<ContextStruct, StructPlan> plans = new IdentityHashMap<>();

  FixtureDecoder() {
    collectPlans(PolicyContextModel.context());
  }

  // Each struct's plan; its defaults made once by the validator itself.
  private void collectPlans(ContextStruct struct) {
    if (plans.containsKey(struct)) {
      return;
    }
    StructValue empty =
        PolicyContext.struct(
            struct, (ObjectNode) struct.schema().validate(ObjectNode.empty()).value());
    if (struct.fields().size() > Long.SIZE) {
      throw new IllegalStateException(struct.modelName() + " has more fields than a long has bits");
    }
    Object[] values = new Object[struct.fields().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = empty.valueAt(i);
    }
    List<String> names = struct.fields().stream().map(ContextField::name).toList();
    KeyGuesses.Keys keys = KeyGuesses.Keys.of(2 + plans.size(), names, struct::indexOf);
    plans.put(struct, new StructPlan(struct, keys, values));
    for (ContextField field : struct.fields()) {
      FieldType type = field.type();
      while (type instanceof ListOf || type instanceof MapOf) {
        type = type instanceof ListOf list ? list.items() : ((MapOf) type).values();
      }
      if (type instanceof Nested nested) {
        collectPlans(nested.struct());
      }
    }
  }

  /** A reader of the lines of {@code bytes[0, length)}, to be decoded in file order. */
  Lines lines(byte[] bytes, int length) {
    return new Lines(bytes, length);
  }

  /**
   * The lines of one piece of a corpus, decoded by one parser that reads on from line to line, as
   * jackson reads a sequence of root values: a parser per line cost more than its line's decoding.
   * A line is taken only when its object ends on it with nothing but blanks after; after a line
   * declined, or blanks between lines that jackson does not skip ({@code 0x1f}), a new parser
   * starts at the next line. Not thread-safe; one per piece.
   */
  final class Lines implements AutoCloseable {
    private final byte[] bytes;
    private final int length;
    private JsonParser parser;
    private int base; // where the parser's input starts in bytes
    private int at; // where the parser stands, after the last line it took
    private final KeyGuesses guesses = new KeyGuesses(2 + plans.size());

    private Lines(byte[] bytes, int length) {
      this.bytes = bytes;
      this.length = length;
    }

    /** The fixture on {@code [from, to)}, a line after the last one asked for, or {@code null}. */
    PolicyContextFixture decode(int from, int to) {
      try {
        if (parser == null || !blank(at, from, true)) {
          close();
          parser = factory.createParser(bytes, from, length - from);
          base = from;
        }
        PolicyContextFixture fixture =
            parser.nextToken() == JsonToken.START_OBJECT ? fixture(parser, guesses) : null;
        int end = base + (int) parser.currentLocation().getByteOffset();
        if (fixture == null || end > to || !blank(end, to, false)) {
          close();
          return null;
        }
        at = end;
        return fixture;
      } catch (IOException e) {
        close();
        return null;
      }
    }

    // Whether bytes[from, to) are all blanks jackson skips between values (line feeds too).
    private boolean blank(int from, int to, boolean newlines) {
      for (int i = from; i < to; i++) {
        byte b = bytes[i];
        if (b != ' ' && b != '\t' && !(newlines && b == '\n')) {
          return false;
        }
      }
      return from <= to;
    }

    @Override
    public void close() {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException e) {
          // Nothing to release from an in-memory parser.
        }
        parser = null;
      }
    }
  }

  private PolicyContextFixture fixture(JsonParser p, KeyGuesses guesses) throws IOException {
    EventRef ref = null;
    List<String> labels = List.of();
    PolicyContext context = null;
    boolean schema = false;
    boolean labelled = false;
    int key = KeyGuesses.END;
    while ((key = guesses.next(p, fixtureKeys, key)) >= 0) {
      JsonToken token = p.nextToken();
      switch (key) {
        case 0 -> { // schema
          if (schema
              || token != JsonToken.VALUE_STRING
              || !PolicyContextFixture.SCHEMA.equals(p.getText())) {
            return null;
          }
          schema = true;
        }
        case 1 -> { // event_ref
          if (ref != null
              || token != JsonToken.START_OBJECT
              || (ref = eventRef(p, guesses)) == null) {
            return null;
          }
        }
        case 2 -> { // expected_labels
          if (labelled || token != JsonToken.START_ARRAY) {
            return null;
          }
          labelled = true;
          Object list = list(p, new Text(true), guesses);
          if (list == DECLINE) {
            return null;
          }
          @SuppressWarnings("unchecked")
          List<String> strings = (List<String>) list;
          labels = strings;
        }
        default -> { // context
          if (context != null || token != JsonToken.START_OBJECT) {
            return null;
          }
          Object value = struct(p, plans.get(PolicyContextModel.context()), guesses);
          if (value == DECLINE) {
            return null;
          }
          context = PolicyContext.ofContext((StructValue) value);
        }
      }
    }
    return key == KeyGuesses.UNKNOWN || ref == null || context == null
        ? null
        : new PolicyContextFixture(ref, labels, context);
  }

  // corpus, session_id and event_id are non-empty texts; sequence and timestamp_unix_ms are
  // whole numbers from zero up.
  private EventRef eventRef(JsonParser p, KeyGuesses guesses) throws IOException {
    String[] texts = new String[3];
    long[] numbers = {-1, -1};
    int key = KeyGuesses.END;
    while ((key = guesses.next(p, eventRefKeys, key)) >= 0) {
      JsonToken token = p.nextToken();
      if (key < texts.length) {
        if (texts[key] != null || token != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
          return null;
        }
        texts[key] = p.getText();
        continue;
      }
      int number = key - texts.length;
      if (numbers[number] >= 0 || !plainLong(p, token)) {
        return null;
      }
      numbers[number] = p.getLongValue();
      if (numbers[number] < 0) {
        return null;
      }
    }
    if (key == KeyGuesses.UNKNOWN) {
      return null;
    }
    for (String text : texts) {
      if (text == null) {
        return null;
      }
    }
    if (numbers[0] < 0 || numbers[1] < 0) {
      return null;
    }
    return new EventRef(texts[0], texts[1], texts[2], numbers[0], numbers[1]);
  }

  private static boolean plainLong(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      return false;
    }
    JsonParser.NumberType type = p.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }

  private Object struct(JsonParser p, StructPlan plan, KeyGuesses guesses) throws IOException {
    Object[] values = plan.defaults().clone();
    long seen = 0; // a bit per field: no struct has more than 64 (see collectPlans)
    int index = KeyGuesses.END;
    while ((index = guesses.next(p, plan.keys(), index)) >= 0) {
      if ((seen & 1L << index) != 0) {
        return DECLINE;
      }
      seen |= 1L << index;
      ContextField field = plan.struct().fields().get(index);
      JsonToken token = p.nextToken();
      Object value =
          token == JsonToken.VALUE_NULL
              ? (field.nullable() ? NullValue.NULL_VALUE : DECLINE)
              : value(p, token, field.type(), guesses);
      if (value == DECLINE) {
        return DECLINE;
      }
      values[index] = value;
    }
    return index == KeyGuesses.UNKNOWN ? DECLINE : new StructValue(plan.struct(), values);
  }

  private Object value(JsonParser p, JsonToken token, FieldType type, KeyGuesses guesses)
      throws IOException {
    if (type instanceof Text text) {
      return token == JsonToken.VALUE_STRING && !(text.nonEmpty() && p.getTextLength() == 0)
          ? p.getText()
          : DECLINE;
    }
    if (type instanceof Whole whole) {
      if (!plainLong(p, token)) {
        return DECLINE;
      }
      long value = p.getLongValue();
      boolean inRange =
          (whole.min() == null || value >= whole.min())
              && (whole.max() == null || value <= whole.max());
      return inRange ? (Object) value : DECLINE;
    }
    if (type instanceof Exactly exactly) {
      return plainLong(p, token) && p.getLongValue() == exactly.value()
          ? (Object) exactly.value()
          : DECLINE;
    }
    if (type instanceof Flag) {
      return token == JsonToken.VALUE_TRUE
          ? Boolean.TRUE
          : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : DECLINE;
    }
    if (type instanceof Choice choice) {
      return token == JsonToken.VALUE_STRING && choice.values().contains(p.getText())
          ? p.getText()
          : DECLINE;
    }
    if (type instanceof Nested nested) {
      return token == JsonToken.START_OBJECT
          ? struct(p, plans.get(nested.struct()), guesses)
          : DECLINE;
    }
    if (type instanceof ListOf list) {
      return token == JsonToken.START_ARRAY ? list(p, list.items(), guesses) : DECLINE;
    }
    return token == JsonToken.START_OBJECT ? map(p, ((MapOf) type).values(), guesses) : DECLINE;
  }

  private Object list(JsonParser p, FieldType items, KeyGuesses guesses) throws IOException {
    List<Object> values = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      Object value = token == JsonToken.VALUE_NULL ? DECLINE : value(p, token, items, guesses);
      if (value == DECLINE) {
        return DECLINE;
      }
      values.add(value);
    }
    return Collections.unmodifiableList(values);
  }

  private Object map(JsonParser p, FieldType values, KeyGuesses guesses) throws IOException {
    Map<String, Object> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      Object value = token == JsonToken.VALUE_NULL ? DECLINE : value(p, token, values, guesses);
      if (key.isEmpty() || value == DECLINE || entries.putIfAbsent(key, value) != null) {
        return DECLINE;
      }
    }
    return Collections.unmodifiableMap(entries);
  }
}
