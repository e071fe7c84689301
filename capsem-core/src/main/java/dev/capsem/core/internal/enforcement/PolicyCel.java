package dev.capsem.core.internal.enforcement;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.capsem.core.internal.policycontext.ContextField;
import dev.capsem.core.internal.policycontext.ContextStruct;
import dev.capsem.core.internal.policycontext.FieldType;
import dev.capsem.core.internal.policycontext.PolicyContextModel;
import dev.capsem.core.internal.policycontext.StructValue;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.common.types.TypeParamType;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL environment every condition is compiled in (D3): the eight policy roots as typed structs
 * declared from {@link PolicyContextModel} (nullable scalars as wrapper types, so {@code null} is a
 * value), the standard macros, the optional library, heterogeneous numeric comparison, and the two
 * functions the runtime adds: {@code header(name)} on an HTTP request or response and {@code
 * exists()} on an optional. Built once; a {@link Cel} is immutable and thread-safe.
 */
final class PolicyCel {

  static final String REQUEST_HEADER = "capsem_http_request_header";
  static final String RESPONSE_HEADER = "capsem_http_response_header";
  static final String OPTIONAL_EXISTS = "capsem_optional_exists";

  /** Guards against runaway comprehensions in a condition; the runtime evaluates per event. */
  private static final int MAX_COMPREHENSION_ITERATIONS = 100_000;

  private static final Map<ContextStruct, StructType> TYPES = structTypes();

  static final Cel CEL = build();

  private PolicyCel() {}

  /** The CEL type of a struct of the policy context. */
  static StructType typeOf(ContextStruct struct) {
    return TYPES.get(struct);
  }

  /** The struct declared for {@code name}, or {@code null}. */
  static ContextStruct root(String name) {
    return PolicyContextModel.roots().get(name);
  }

  private static Map<ContextStruct, StructType> structTypes() {
    Map<ContextStruct, StructType> types = new IdentityHashMap<>();
    declare(PolicyContextModel.context(), types);
    // ContextStruct keeps identity equality, so the copy looks structs up exactly as before.
    return Map.copyOf(types);
  }

  private static StructType declare(ContextStruct struct, Map<ContextStruct, StructType> types) {
    StructType known = types.get(struct);
    if (known != null) {
      return known;
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    for (ContextField field : struct.fields()) {
      CelType type = celType(field.type(), types);
      boolean scalar = !(field.type() instanceof FieldType.Nested);
      fields.put(
          field.name(),
          field.nullable() && scalar && !(type instanceof ListType || type instanceof MapType)
              ? NullableType.create(type)
              : type);
    }
    StructType type =
        StructType.create(
            struct.celTypeName(),
            ImmutableSet.copyOf(fields.keySet()),
            name -> Optional.ofNullable(fields.get(name)));
    types.put(struct, type);
    return type;
  }

  private static CelType celType(FieldType type, Map<ContextStruct, StructType> types) {
    if (type instanceof FieldType.Text || type instanceof FieldType.Choice) {
      return SimpleType.STRING;
    }
    if (type instanceof FieldType.Whole || type instanceof FieldType.Exactly) {
      return SimpleType.INT;
    }
    if (type instanceof FieldType.Flag) {
      return SimpleType.BOOL;
    }
    if (type instanceof FieldType.Nested nested) {
      return declare(nested.struct(), types);
    }
    if (type instanceof FieldType.ListOf list) {
      return ListType.create(celType(list.items(), types));
    }
    return MapType.create(SimpleType.STRING, celType(((FieldType.MapOf) type).values(), types));
  }

  private static Cel build() {
    CelTypeProvider provider =
        new CelTypeProvider() {
          private final ImmutableList<CelType> all = ImmutableList.copyOf(TYPES.values());

          @Override
          public ImmutableCollection<CelType> types() {
            return all;
          }

          @Override
          public Optional<CelType> findType(String name) {
            return all.stream().filter(t -> t.name().equals(name)).findFirst();
          }
        };
    StructType request = typeOf(struct("http", "request"));
    StructType response = typeOf(struct("http", "response"));
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(
                CelOptions.current()
                    .enableHeterogeneousNumericComparisons(true)
                    .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(provider)
            .addCompilerLibraries(CelOptionalLibrary.INSTANCE)
            .addRuntimeLibraries(CelOptionalLibrary.INSTANCE)
            .addFunctionDeclarations(
                CelFunctionDecl.newFunctionDeclaration(
                    "header",
                    CelOverloadDecl.newMemberOverload(
                        REQUEST_HEADER,
                        OptionalType.create(SimpleType.STRING),
                        request,
                        SimpleType.STRING),
                    CelOverloadDecl.newMemberOverload(
                        RESPONSE_HEADER,
                        OptionalType.create(SimpleType.STRING),
                        response,
                        SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration(
                    "exists",
                    CelOverloadDecl.newMemberOverload(
                        OPTIONAL_EXISTS,
                        SimpleType.BOOL,
                        OptionalType.create(TypeParamType.create("T")))))
            .addFunctionBindings(
                CelFunctionBinding.from(REQUEST_HEADER, Map.class, String.class, PolicyCel::header),
                CelFunctionBinding.from(
                    RESPONSE_HEADER, Map.class, String.class, PolicyCel::header),
                CelFunctionBinding.from(OPTIONAL_EXISTS, Optional.class, Optional::isPresent));
    for (Map.Entry<String, ContextStruct> root : PolicyContextModel.roots().entrySet()) {
      builder.addVar(root.getKey(), typeOf(root.getValue()));
    }
    return builder.build();
  }

  private static ContextStruct struct(String root, String field) {
    return ((FieldType.Nested) root(root).field(field).type()).struct();
  }

  /**
   * The runtime's {@code header(name)}: the first header key equal to {@code name} ignoring ASCII
   * case, in insertion order, as an optional of its first value. A key with no values still exists
   * (its value is the empty string), so that {@code exists()} agrees with upstream's offline check,
   * which matches on the key alone.
   */
  static Optional<Object> header(Map<?, ?> message, String name) {
    Object headers =
        message instanceof StructValue struct ? struct.get("headers") : message.get("headers");
    if (!(headers instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() instanceof String key && asciiEqualsIgnoreCase(key, name)) {
        return Optional.of(
            entry.getValue() instanceof List<?> values && !values.isEmpty() ? values.get(0) : "");
      }
    }
    return Optional.empty();
  }

  /** The matching header's values (for matched fields), or {@code null} when there is none. */
  static List<?> headerValues(Map<?, ?> message, String name) {
    if (!(message.get("headers") instanceof Map<?, ?> map)) {
      return null;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() instanceof String key && asciiEqualsIgnoreCase(key, name)) {
        return entry.getValue() instanceof List<?> values ? values : List.of();
      }
    }
    return null;
  }

  static boolean asciiEqualsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && asciiLower(x) != asciiLower(y)) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
