package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spool gives back the rows it was given, as text and as bytes, from memory or its file. */
class RowSpoolTest {

  // One, two, three and four bytes per character in UTF-8.
  private static final String ROW = ",\n    {\"k\": \"a\u00e9\u20ac\ud83d\ude80\"}";

  @ParameterizedTest(name = "in memory up to {0} bytes, read back {1} at a time")
  @CsvSource({"1000000, 1024", "0, 1", "0, 2", "0, 3", "0, 4", "0, 5", "0, 7", "64, 13", "0, 1024"})
  void writeTo_rowsWithMultiByteCharacters_givesThemBackWhole(int inMemory, int chunk)
      throws IOException {
    RowSpool spool = new RowSpool(inMemory, chunk);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      String row = ROW + i;
      byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
      // The first row of a report is appended without its leading comma.
      int from = i == 0 ? 1 : 0;
      spool.append(bytes, from);
      expected.append(row.substring(from));
    }
    spool.close();

    StringWriter text = new StringWriter();
    spool.writeTo(text);
    StringBuilder appended = new StringBuilder();
    spool.writeTo(appended);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    spool.writeTo(bytes);

    assertThat(text.toString()).isEqualTo(expected.toString());
    assertThat(appended.toString()).isEqualTo(expected.toString());
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }
}
