package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {

  @TempDir Path dir;

  @Test
  void firstLineOfFile_crlfAndMoreLines_returnsFirstLineOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("pw"), "pässword\r\nsecond\n");

    assertThat(PasswordSource.firstLineOfFile(file).read())
        .hasValueSatisfying(password -> assertThat(new String(password)).isEqualTo("pässword"));
  }

  @Test
  void firstLineOfFile_noTerminator_returnsWholeFile() throws IOException {
    Path file = Files.writeString(dir.resolve("pw"), "secret");

    assertThat(PasswordSource.firstLineOfFile(file).read())
        .hasValueSatisfying(password -> assertThat(new String(password)).isEqualTo("secret"));
  }

  @Test
  void firstLineOfFile_notUtf8_isAnIoError() throws IOException {
    Path file = Files.write(dir.resolve("pw"), new byte[] {(byte) 0xff, 'a'});

    assertThatThrownBy(() -> PasswordSource.firstLineOfFile(file).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void of_callerWipesArray_sourceKeepsItsCopy() throws IOException {
    char[] password = "secret".toCharArray();
    PasswordSource source = PasswordSource.of(password);
    Arrays.fill(password, '\0');

    char[] first = source.read().orElseThrow();
    Arrays.fill(first, '\0');

    assertThat(new String(source.read().orElseThrow())).isEqualTo("secret");
  }

  @Test
  void environmentVariable_unset_isEmpty() throws IOException {
    assertThat(PasswordSource.environmentVariable(Map.of(), "CAPSEM_PW").read()).isEmpty();
    assertThat(
            PasswordSource.environmentVariable(Map.of("CAPSEM_PW", "pw"), "CAPSEM_PW")
                .read()
                .map(String::new))
        .hasValue("pw");
  }

  @Test
  void none_isEmpty() throws IOException {
    assertThat(PasswordSource.none().read()).isEmpty();
  }
}
