package dev.capsem.docker.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.SquashfsCodecContract;
import org.junit.jupiter.api.Test;

/** zstd-jni at the rootfs's level against the codec contract. */
class ZstdSquashfsCodecContractTest extends SquashfsCodecContract {

  @Override
  protected SquashfsCodec codec() {
    return SquashfsCodecs.zstd(15);
  }

  @Override
  protected int expectedId() {
    return SquashfsCodec.ZSTD;
  }

  @Test
  void levels_areTheLibrarys_oneToItsMaximum() {
    assertThat(ZstdSquashfsCodec.MAX_LEVEL).isEqualTo(Zstd.maxCompressionLevel());
    assertThat(codec().atLevel(ZstdSquashfsCodec.MAX_LEVEL)).isPresent();
    assertThat(codec().atLevel(ZstdSquashfsCodec.MAX_LEVEL + 1)).isEmpty();
    assertThat(codec().atLevel(0)).isEmpty();
    assertThatThrownBy(() -> SquashfsCodecs.zstd(ZstdSquashfsCodec.MAX_LEVEL + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zstd level must be 1 to 22: 23");
  }
}
