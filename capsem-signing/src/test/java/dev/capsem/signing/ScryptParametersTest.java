package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.KeyProtection;
import org.junit.jupiter.api.Test;

/** libsodium's pickparams, as spec manifest-signing.md §4.1 states it. */
class ScryptParametersTest {

  @Test
  void fromLimits_minisignDefaults_isN20R8P1() throws Exception {
    ScryptParameters parameters =
        ScryptParameters.fromLimits(
            KeyProtection.MINISIGN_OPS_LIMIT, KeyProtection.MINISIGN_MEM_LIMIT);

    assertThat(parameters).isEqualTo(new ScryptParameters(20, 8, 1));
    assertThat(parameters.requireAffordable()).isSameAs(parameters);
  }

  @Test
  void fromLimits_opsBelowMemoryShare_usesTheOpsBranch() {
    // 524288 < 64 MiB / 32: p = 1, maxN = 524288 / 32 = 16384, smallest 2^n > 8192 is 2^14.
    assertThat(ScryptParameters.fromLimits(524_288L, 67_108_864L))
        .isEqualTo(new ScryptParameters(14, 8, 1));
  }

  @Test
  void fromLimits_opsBelowLibsodiumMinimum_isRaisedTo32768() {
    assertThat(ScryptParameters.fromLimits(1, KeyProtection.MIN_MEM_LIMIT))
        .isEqualTo(ScryptParameters.fromLimits(32_768L, KeyProtection.MIN_MEM_LIMIT))
        .isEqualTo(new ScryptParameters(10, 8, 1));
  }

  @Test
  void fromLimits_unsignedHugeLimits_doNotOverflow() {
    ScryptParameters parameters = ScryptParameters.fromLimits(-1L, -1L);

    assertThat(parameters.nLog2()).isBetween(1, 63);
    assertThatThrownBy(parameters::requireAffordable).isInstanceOf(Refusal.class);
  }

  @Test
  void requireAffordable_twiceMinisignsMemory_isRefused() {
    assertThatThrownBy(
            () -> ScryptParameters.fromLimits(67_108_864L, 2_147_483_648L).requireAffordable())
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("N=2^21");
  }

  @Test
  void requireMemory_minisignDefaultsInA512MiBHeap_isE571NamingTheMemoryAndTheOption() {
    ScryptParameters parameters = new ScryptParameters(20, 8, 1);

    assertThatThrownBy(() -> parameters.requireMemory(512L << 20))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal -> {
              assertThat(refusal.failure().kind())
                  .isEqualTo(dev.capsem.core.ports.SignatureFailureKind.INSUFFICIENT_MEMORY);
              assertThat(refusal.getMessage())
                  .startsWith("E571 ")
                  .contains("needs about 1088 MiB")
                  .contains("at most 512 MiB")
                  .contains("CAPSEM_JAVA_OPTS=-Xmx1536m");
            });
  }

  @Test
  void requireMemory_enoughHeap_passes() throws Exception {
    ScryptParameters parameters = new ScryptParameters(20, 8, 1);

    assertThat(parameters.requireMemory(1536L << 20)).isSameAs(parameters);
    assertThat(new ScryptParameters(10, 8, 1).requireMemory(128L << 20)).isNotNull();
  }
}
