package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyIdTest {

  @Test
  void fromBytes_littleEndianBytes_printsReversedUpperHex() {
    byte[] bytes = {0x10, (byte) 0xbf, 0x5e, (byte) 0xe8, (byte) 0xa9, 0x4c, 0x19, (byte) 0x9c};

    KeyId keyId = KeyId.fromBytes(bytes, 0);

    assertThat(keyId.hex()).isEqualTo("9C194CA9E85EBF10");
    assertThat(keyId.toBytes()).containsExactly(bytes);
  }

  @Test
  void hex_leadingZeroBytes_notPadded() {
    KeyId keyId = KeyId.fromBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 0);

    assertThat(keyId.hex()).isEqualTo("1");
    assertThat(KeyId.fromHex("0000000000000001")).isEqualTo(keyId);
  }

  @Test
  void fromHex_printedForm_roundTrips() {
    assertThat(KeyId.fromHex("ed157831eafb6c32").hex()).isEqualTo("ED157831EAFB6C32");
  }

  @Test
  void fromHex_notHex_isRefused() {
    assertThatThrownBy(() -> KeyId.fromHex("XYZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyId.fromHex("11112222333344445"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromBytes_tooFewBytes_isRefused() {
    assertThatThrownBy(() -> KeyId.fromBytes(new byte[10], 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
