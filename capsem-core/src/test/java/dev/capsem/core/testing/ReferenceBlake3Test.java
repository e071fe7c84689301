package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferenceBlake3Test {

  private final ReferenceBlake3 blake3 = new ReferenceBlake3();

  @Test
  void hex_knownAnswers_matchTheSpec() {
    assertThat(blake3.hex(new byte[0]))
        .isEqualTo("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    assertThat(blake3.hex("hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f");
  }

  @Test
  void hex_upstreamValidProfile_matchesItsPublishedHash() {
    assertThat(blake3.hex(Conformance.bytes("schemas/fixtures/profile-v2-valid.json")))
        .isEqualTo("20dfe4780ad3a874f39152c3247c5bbab04a21135f3c656f872f41759953c9b8");
  }
}
