package dev.capsem.core.internal.image.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RootfsWriterTest {

  @Test
  void parse_optionValues_nameTheWriters() {
    assertThat(RootfsWriter.parse("java")).isEqualTo(RootfsWriter.JAVA);
    assertThat(RootfsWriter.parse(" MKSQUASHFS ")).isEqualTo(RootfsWriter.MKSQUASHFS);
    assertThat(RootfsWriter.DEFAULT).isEqualTo(RootfsWriter.JAVA);
  }

  @Test
  void parse_unknownValue_saysWhatIsAllowed() {
    assertThatThrownBy(() -> RootfsWriter.parse("erofs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'rootfs-writer' must be one of [java, mksquashfs]: erofs");
  }
}
