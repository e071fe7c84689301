package dev.capsem.core.internal.policycontext;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.FieldType.ListOf;
import dev.capsem.core.internal.policycontext.FieldType.MapOf;
import dev.capsem.core.internal.policycontext.FieldType.Nested;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.Validated;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule sees of one event: the eight roots ({@code common, http, dns, mcp, model, file,
 * process, profile}) with every declared field present, {@code null} where the event has no value,
 * as the runtime serialises its context. Immutable and safe to share between threads.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, lists, maps in input
 * order, and CEL's {@link NullValue#NULL_VALUE} for null (CEL-Java reads a Java {@code null} as an
 * unknown, not as null).
 */
public final class PolicyContext {

  /** The only {@code schema_version} there is. */
  public static final long SCHEMA_VERSION = 1;

  /** The CEL roots in upstream's order; {@link #root(int)} indexes this list. */
  public static final List<String> ROOT_NAMES = List.copyOf(PolicyContextModel.roots().keySet());

  private static final int COMMON = ROOT_NAMES.indexOf("common");
  // Positions looked up once rather than by name per event.
  private static final int EVENT_TYPE =
      PolicyContextModel.roots().get("common").indexOf("event_type");
  private static final List<Integer> ROOT_SLOTS =
      ROOT_NAMES.stream().map(PolicyContextModel.context()::indexOf).toList();

  private final StructValue[] rootValues;
  private final String eventType;
  private final EventFamily family;
  // Made on first use: most events are decided by the fast evaluators, which read rootValues.
  private volatile Map<String, Object> roots;

  private PolicyContext(StructValue[] rootValues) {
    this.rootValues = rootValues;
    Object type = rootValues[COMMON].valueAt(EVENT_TYPE);
    this.eventType = type instanceof String s ? s : null;
    this.family = EventFamily.ofEventType(eventType);
  }

  /**
   * Reads a context from its JSON form ({@code {"common": {"event_type": "http.request"}, "http":
   * {...}}}), validated as upstream's {@code PolicyContextV1}.
   *
   * @throws IllegalArgumentException listing every problem when the JSON is not a valid context
   */
  public static PolicyContext fromJson(String json) {
    Node tree;
    try {
      tree = JsonReader.read(json, JsonDialect.PYDANTIC);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
    }
    return fromTree(tree);
  }

  /**
   * Builds a context from plain Java values (maps, lists, strings, numbers, booleans, {@code
   * null}), validated as {@link #fromJson} does; for JVM tools that hold their own event data.
   *
   * @throws IllegalArgumentException listing every problem when the values are not a valid context
   */
  public static PolicyContext fromMap(Map<String, ?> context) {
    return fromTree(node(context));
  }

  private static PolicyContext fromTree(Node tree) {
    Validated validated = PolicyContextModel.context().schema().validate(tree);
    if (!validated.ok()) {
      List<String> problems = new ArrayList<>();
      for (Issue issue : validated.issues()) {
        String path = issue.path().toString();
        problems.add(path.isEmpty() ? issue.message() : path + ": " + issue.message());
      }
      throw new IllegalArgumentException("invalid policy context: " + String.join("; ", problems));
    }
    return of((ObjectNode) validated.value());
  }

  /**
   * A context from a tree that {@code PolicyContextModel.context().schema()} has validated and
   * normalised (defaults filled in), for readers of formats that embed contexts.
   */
  public static PolicyContext of(ObjectNode normalised) {
    StructValue[] roots = new StructValue[ROOT_NAMES.size()];
    for (int i = 0; i < roots.length; i++) {
      String name = ROOT_NAMES.get(i);
      roots[i] = struct(PolicyContextModel.roots().get(name), (ObjectNode) normalised.get(name));
    }
    return new PolicyContext(roots);
  }

  /**
   * A context from a decoded {@code PolicyContextV1} struct ({@link PolicyContextModel#context()}):
   * its roots, by name.
   */
  static PolicyContext ofContext(StructValue context) {
    StructValue[] roots = new StructValue[ROOT_NAMES.size()];
    for (int i = 0; i < roots.length; i++) {
      roots[i] = (StructValue) context.valueAt(ROOT_SLOTS.get(i));
    }
    return new PolicyContext(roots);
  }

  /** The roots as CEL variables: root name to a map holding every declared field. */
  public Map<String, Object> roots() {
    Map<String, Object> made = roots;
    if (made == null) {
      Map<String, Object> byName = new LinkedHashMap<>();
      for (int i = 0; i < rootValues.length; i++) {
        byName.put(ROOT_NAMES.get(i), rootValues[i]);
      }
      made = Collections.unmodifiableMap(byName);
      roots = made;
    }
    return made;
  }

  /** The root at {@code index} in {@link #ROOT_NAMES}. */
  public StructValue root(int index) {
    return rootValues[index];
  }

  /** {@code common.event_type}, or {@code null}. */
  public String eventType() {
    return eventType;
  }

  /** The family of {@link #eventType()}, or {@code null} when it has none (no rule matches). */
  public EventFamily family() {
    return family;
  }

  /**
   * The scalar at a dotted path such as {@code http.request.host} or {@code
   * model.request.tool_calls[0].name}, the way upstream's detection check looks values up: a
   * string, {@link Long}, {@link Double} or {@link Boolean}; {@code null} when a part is missing, a
   * list index is out of range, or the value is null, a list or a map.
   */
  public Object scalar(String path) {
    Object current = null;
    boolean first = true;
    for (String part : path.split("\\.", -1)) {
      String name = part;
      int index = -1;
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        if (!part.endsWith("]")) {
          return null;
        }
        try {
          index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        } catch (NumberFormatException e) {
          return null;
        }
        name = part.substring(0, bracket);
      }
      if (!validName(name) || index < -1) {
        return null;
      }
      if (first) {
        first = false;
        if (name.equals("schema_version") && index < 0) {
          current = SCHEMA_VERSION;
          continue;
        }
        int root = ROOT_NAMES.indexOf(name);
        current = root < 0 ? null : rootValues[root];
      } else if (current instanceof Map<?, ?> map) {
        current = map.get(name);
      } else {
        return null;
      }
      if (current == null) {
        return null;
      }
      if (index >= 0) {
        if (!(current instanceof List<?> list) || index >= list.size()) {
          return null;
        }
        current = list.get(index);
      }
    }
    return isScalar(current) ? current : null;
  }

  /** Whether {@code value} is one of the scalars a rule can match on. */
  public static boolean isScalar(Object value) {
    return value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean;
  }

  // Upstream's path grammar: a lower-case letter, then lower-case letters, digits or '_'.
  private static boolean validName(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  static StructValue struct(ContextStruct struct, ObjectNode value) {
    List<ContextField> fields = struct.fields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      Node node = value.get(fields.get(i).name());
      values[i] = node == null ? NullValue.NULL_VALUE : runtime(fields.get(i).type(), node);
    }
    return new StructValue(struct, values);
  }

  private static Object runtime(FieldType type, Node node) {
    if (node instanceof NullNode) {
      return NullValue.NULL_VALUE;
    }
    if (type instanceof Nested nested) {
      return struct(nested.struct(), (ObjectNode) node);
    }
    if (type instanceof ListOf list) {
      List<Object> items = new ArrayList<>();
      for (Node item : ((ArrayNode) node).items()) {
        items.add(runtime(list.items(), item));
      }
      return Collections.unmodifiableList(items);
    }
    if (type instanceof MapOf map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (ObjectNode.Member member : ((ObjectNode) node).entries()) {
        entries.put(member.key(), runtime(map.values(), member.value()));
      }
      return Collections.unmodifiableMap(entries);
    }
    return scalarOf(node);
  }

  private static Object scalarOf(Node node) {
    if (node instanceof StringNode s) {
      return s.value();
    }
    if (node instanceof IntegerNode i) {
      return i.value().longValueExact();
    }
    if (node instanceof FloatNode f) {
      return f.value();
    }
    if (node instanceof BooleanNode b) {
      return b.value();
    }
    return NullValue.NULL_VALUE;
  }

  private static Node node(Object value) {
    if (value == null) {
      return NullNode.of();
    }
    if (value instanceof String s) {
      return StringNode.of(s);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.of(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return IntegerNode.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return new IntegerNode(big, null);
    }
    if (value instanceof BigDecimal decimal) {
      return new FloatNode(decimal.doubleValue(), null);
    }
    if (value instanceof Number number) {
      return new FloatNode(number.doubleValue(), null);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode.Builder out = ObjectNode.builder();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.put(String.valueOf(entry.getKey()), node(entry.getValue()));
      }
      return out.build();
    }
    if (value instanceof List<?> list) {
      return ArrayNode.of(list.stream().map(PolicyContext::node).toList());
    }
    throw new IllegalArgumentException(
        "unsupported value in a policy context: " + value.getClass().getSimpleName());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PolicyContext that && Arrays.equals(rootValues, that.rootValues);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rootValues);
  }

  @Override
  public String toString() {
    return "PolicyContext[" + eventType + "]";
  }
}
