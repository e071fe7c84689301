package dev.capsem.core.internal.image.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RootfsWriterTest {

  @Test
  void parse_optionValues_nameTheWriters() {
    assertThat(RootfsWriter.parse("capsem")).isEqualTo(RootfsWriter.CAPSEM);
    assertThat(RootfsWriter.parse(" MKSQUASHFS ")).isEqualTo(RootfsWriter.MKSQUASHFS);
    assertThat(RootfsWriter.DEFAULT).isEqualTo(RootfsWriter.CAPSEM);
  }

  @Test
  void parse_unknownValue_saysWhatIsAllowed() {
    assertThatThrownBy(() -> RootfsWriter.parse("erofs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'squashfs-writer' must be one of [capsem, mksquashfs]: erofs");
  }
}
