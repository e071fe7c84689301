package dev.capsem.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import org.junit.jupiter.api.Test;

/** {@code settings schema}: upstream's published schema, plus the newline the CLI adds. */
class SettingsSchemaDocumentTest {

  @Test
  void text_generatedFromDeclarations_equalsPublishedSchemaPlusNewline() {
    assertThat(SettingsSchemaDocument.text())
        .isEqualTo(Conformance.text("schemas/capsem.service-settings.v2.schema.json") + "\n");
  }
}
