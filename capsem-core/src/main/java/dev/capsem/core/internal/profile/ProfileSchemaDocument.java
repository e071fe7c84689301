package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.schema.PydanticJsonSchema;

/**
 * What {@code profile schema} prints: the JSON Schema of Profile V2 as Pydantic generates it from
 * upstream's admin model ({@code ProfilePayloadV2}), generated here from our own declaration. It
 * equals upstream's output except that a rule's {@code priority} may reach 1000 (D2).
 */
public final class ProfileSchemaDocument {

  private ProfileSchemaDocument() {}

  public static ObjectNode document() {
    return PydanticJsonSchema.generate(ProfileSchema.PROFILE);
  }

  /** The printed document, ending with one newline. */
  public static String text() {
    return PydanticJsonSchema.text(ProfileSchema.PROFILE);
  }
}
