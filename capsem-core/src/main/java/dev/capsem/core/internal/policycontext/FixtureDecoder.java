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

  private final JsonFactory factory = new JsonFactory();
  private final Map<ContextStruct, Object[]> defaults = new IdentityHashMap<>();

  FixtureDecoder() {
    collectDefaults(PolicyContextModel.context());
  }

  // Each struct's values when its fields are absent, made once by the validator itself.
  private void collectDefaults(ContextStruct struct) {
    if (defaults.containsKey(struct)) {
      return;
    }
    StructValue empty =
        PolicyContext.struct(
            struct, (ObjectNode) struct.schema().validate(ObjectNode.empty()).value());
    Object[] values = new Object[struct.fields().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = empty.valueAt(i);
    }
    defaults.put(struct, values);
    for (ContextField field : struct.fields()) {
      FieldType type = field.type();
      while (type instanceof ListOf || type instanceof MapOf) {
        type = type instanceof ListOf list ? list.items() : ((MapOf) type).values();
      }
      if (type instanceof Nested nested) {
        collectDefaults(nested.struct());
      }
    }
  }

  /** The fixture on {@code bytes[from, to)} (UTF-8, one line), or {@code null} when declined. */
  PolicyContextFixture decode(byte[] bytes, int from, int to) {
    try (JsonParser parser = factory.createParser(bytes, from, to - from)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      PolicyContextFixture fixture = fixture(parser);
      return fixture != null && parser.nextToken() == null ? fixture : null;
    } catch (IOException e) {
      return null;
    }
  }

  private PolicyContextFixture fixture(JsonParser p) throws IOException {
    EventRef ref = null;
    List<String> labels = List.of();
    PolicyContext context = null;
    boolean schema = false;
    boolean labelled = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      switch (name) {
        case "schema" -> {
          if (schema
              || token != JsonToken.VALUE_STRING
              || !PolicyContextFixture.SCHEMA.equals(p.getText())) {
            return null;
          }
          schema = true;
        }
        case "event_ref" -> {
          if (ref != null || token != JsonToken.START_OBJECT || (ref = eventRef(p)) == null) {
            return null;
          }
        }
        case "expected_labels" -> {
          if (labelled || token != JsonToken.START_ARRAY) {
            return null;
          }
          labelled = true;
          Object list = list(p, new Text(true));
          if (list == DECLINE) {
            return null;
          }
          @SuppressWarnings("unchecked")
          List<String> strings = (List<String>) list;
          labels = strings;
        }
        case "context" -> {
          if (context != null || token != JsonToken.START_OBJECT) {
            return null;
          }
          Object value = struct(p, PolicyContextModel.context());
          if (value == DECLINE) {
            return null;
          }
          context = PolicyContext.ofContext((StructValue) value);
        }
        default -> {
          return null;
        }
      }
    }
    return ref == null || context == null ? null : new PolicyContextFixture(ref, labels, context);
  }

  private static EventRef eventRef(JsonParser p) throws IOException {
    String[] texts = new String[3];
    long[] numbers = {-1, -1};
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      int text =
          switch (name) {
            case "corpus" -> 0;
            case "session_id" -> 1;
            case "event_id" -> 2;
            default -> -1;
          };
      if (text >= 0) {
        if (texts[text] != null || token != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
          return null;
        }
        texts[text] = p.getText();
        continue;
      }
      int number =
          switch (name) {
            case "sequence" -> 0;
            case "timestamp_unix_ms" -> 1;
            default -> -1;
          };
      if (number < 0 || numbers[number] >= 0 || !plainLong(p, token)) {
        return null;
      }
      numbers[number] = p.getLongValue();
      if (numbers[number] < 0) {
        return null;
      }
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

  private Object struct(JsonParser p, ContextStruct struct) throws IOException {
    Object[] values = defaults.get(struct).clone();
    boolean[] seen = new boolean[values.length];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int index = struct.indexOf(p.currentName());
      if (index < 0 || seen[index]) {
        return DECLINE;
      }
      seen[index] = true;
      ContextField field = struct.fields().get(index);
      JsonToken token = p.nextToken();
      Object value =
          token == JsonToken.VALUE_NULL
              ? (field.nullable() ? NullValue.NULL_VALUE : DECLINE)
              : value(p, token, field.type());
      if (value == DECLINE) {
        return DECLINE;
      }
      values[index] = value;
    }
    return new StructValue(struct, values);
  }

  private Object value(JsonParser p, JsonToken token, FieldType type) throws IOException {
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
      return token == JsonToken.START_OBJECT ? struct(p, nested.struct()) : DECLINE;
    }
    if (type instanceof ListOf list) {
      return token == JsonToken.START_ARRAY ? list(p, list.items()) : DECLINE;
    }
    return token == JsonToken.START_OBJECT ? map(p, ((MapOf) type).values()) : DECLINE;
  }

  private Object list(JsonParser p, FieldType items) throws IOException {
    List<Object> values = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      Object value = token == JsonToken.VALUE_NULL ? DECLINE : value(p, token, items);
      if (value == DECLINE) {
        return DECLINE;
      }
      values.add(value);
    }
    return Collections.unmodifiableList(values);
  }

  private Object map(JsonParser p, FieldType values) throws IOException {
    Map<String, Object> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      Object value = token == JsonToken.VALUE_NULL ? DECLINE : value(p, token, values);
      if (key.isEmpty() || value == DECLINE || entries.putIfAbsent(key, value) != null) {
        return DECLINE;
      }
    }
    return Collections.unmodifiableMap(entries);
  }
}
