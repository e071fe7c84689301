package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.PydanticJsonSchema;
import java.util.List;

/**
 * What {@code settings schema} prints: the JSON Schema of Service Settings V2 as Pydantic generates
 * it, generated here from our own declaration. Upstream publishes the same document as {@code
 * schemas/capsem.service-settings.v2.schema.json}.
 */
public final class SettingsSchemaDocument {

  private SettingsSchemaDocument() {}

  public static ObjectNode document() {
    return PydanticJsonSchema.generate(model());
  }

  /** The printed document, ending with one newline. */
  public static String text() {
    return PydanticJsonSchema.text(model());
  }

  /** Defaults from the environment are factories, absent from the document: any will do. */
  private static ObjectSchema model() {
    return SettingsSchema.settings(List.of());
  }
}
