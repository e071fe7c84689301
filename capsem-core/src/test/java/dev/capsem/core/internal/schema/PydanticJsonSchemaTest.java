package dev.capsem.core.internal.schema;

import static dev.capsem.core.internal.schema.Schema.any;
import static dev.capsem.core.internal.schema.Schema.enumType;
import static dev.capsem.core.internal.schema.Schema.integer;
import static dev.capsem.core.internal.schema.Schema.list;
import static dev.capsem.core.internal.schema.Schema.map;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;
import static dev.capsem.core.internal.schema.Schema.object;
import static dev.capsem.core.internal.schema.Schema.oneOf;
import static dev.capsem.core.internal.schema.Schema.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's Pydantic rules, one at a time, on small models. */
class PydanticJsonSchemaTest {

  @Test
  void fieldTitle_pythonTitleCase_matchesPydantic() {
    assertThat(PydanticJsonSchema.fieldTitle("bearerToken")).isEqualTo("Bearertoken");
    assertThat(PydanticJsonSchema.fieldTitle("min_binary")).isEqualTo("Min Binary");
    assertThat(PydanticJsonSchema.fieldTitle("x86_64")).isEqualTo("X86 64");
    assertThat(PydanticJsonSchema.fieldTitle("if")).isEqualTo("If");
  }

  @Test
  void generate_optionalAndDefaults_wrapsNullAndShowsOnlyPlainDefaults() {
    ObjectSchema model =
        object("M")
            .optional("a", nonEmptyString())
            .defaulted("b", integer().atLeast(1), IntegerNode.of(3))
            .defaultFactory("c", list(string()), ArrayNode.of(List.of()))
            .build();

    assertThat(printed(model))
        .isEqualTo(
            """
            {
              "additionalProperties": false,
              "properties": {
                "a": {
                  "anyOf": [
                    {
                      "minLength": 1,
                      "type": "string"
                    },
                    {
                      "type": "null"
                    }
                  ],
                  "default": null,
                  "title": "A"
                },
                "b": {
                  "default": 3,
                  "minimum": 1,
                  "title": "B",
                  "type": "integer"
                },
                "c": {
                  "items": {
                    "type": "string"
                  },
                  "title": "C",
                  "type": "array"
                }
              },
              "title": "M",
              "type": "object"
            }""");
  }

  @Test
  void generate_enumClassAndNestedModel_goToDefsWithoutFieldTitles() {
    ObjectSchema inner = object("Inner").required("x", any()).build();
    ObjectSchema model =
        object("Outer")
            .required("mode", enumType("Mode", "on", "off"))
            .defaulted("other", enumType("Mode", "on", "off"), StringNode.of("off"))
            .required("kind", oneOf("a"))
            .defaultFactory("inner", inner, ObjectNode.empty())
            .build();

    ObjectNode document = PydanticJsonSchema.generate(model);

    assertThat(document.keys())
        .containsExactly(
            "$defs", "additionalProperties", "properties", "required", "title", "type");
    assertThat(document.object("$defs").keys()).containsExactly("Inner", "Mode");
    ObjectNode properties = document.object("properties");
    assertThat(JsonPrinter.compact().print(properties))
        .isEqualTo(
            "{\"mode\":{\"$ref\":\"#/$defs/Mode\"},"
                + "\"other\":{\"$ref\":\"#/$defs/Mode\",\"default\":\"off\"},"
                + "\"kind\":{\"const\":\"a\",\"title\":\"Kind\",\"type\":\"string\"},"
                + "\"inner\":{\"$ref\":\"#/$defs/Inner\"}}");
    assertThat(JsonPrinter.compact().print(document.get("required")))
        .isEqualTo("[\"mode\",\"kind\"]");
  }

  @Test
  void generate_mapKeys_patternBecomesPatternPropertiesOtherConstraintsPropertyNames() {
    ObjectSchema model =
        object("M")
            .required("byPattern", map(string().pattern("^[a-z]+$"), string()))
            .required("byLength", map(nonEmptyString(), string()))
            .required("byChoice", map(oneOf("a", "b"), integer()))
            .required("plain", map(any()))
            .build();

    ObjectNode properties = PydanticJsonSchema.generate(model).object("properties");

    assertThat(JsonPrinter.compact().print(properties))
        .isEqualTo(
            "{\"byPattern\":{\"patternProperties\":{\"^[a-z]+$\":{\"type\":\"string\"}},"
                + "\"title\":\"Bypattern\",\"type\":\"object\"},"
                + "\"byLength\":{\"additionalProperties\":{\"type\":\"string\"},"
                + "\"propertyNames\":{\"minLength\":1},\"title\":\"Bylength\",\"type\":\"object\"},"
                + "\"byChoice\":{\"additionalProperties\":{\"type\":\"integer\"},"
                + "\"propertyNames\":{\"enum\":[\"a\",\"b\"]},\"title\":\"Bychoice\","
                + "\"type\":\"object\"},"
                + "\"plain\":{\"additionalProperties\":true,\"title\":\"Plain\",\"type\":\"object\"}}");
  }

  @Test
  void generate_twoDifferentModelsWithOneName_refuses() {
    ObjectSchema model =
        object("M")
            .required("a", object("Same").required("x", string()).build())
            .required("b", object("Same").required("y", string()).build())
            .build();

    assertThatThrownBy(() -> PydanticJsonSchema.generate(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Same");
  }

  @Test
  void generate_unnamedNestedModel_refuses() {
    ObjectSchema model = object("M").required("a", object().build()).build();

    assertThatThrownBy(() -> PydanticJsonSchema.generate(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("named");
  }

  private static String printed(ObjectSchema model) {
    return JsonPrinter.pretty().print(PydanticJsonSchema.generate(model));
  }
}
