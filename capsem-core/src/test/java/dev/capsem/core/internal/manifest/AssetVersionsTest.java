package dev.capsem.core.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code next_asset_version} examples of spec §1.3 (today 2026-04-21). */
class AssetVersionsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 4, 21);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "null | 2026.0421.1",
        "{} | 2026.0421.1",
        "{\"format\": 2, \"assets\": {\"releases\": {\"2026.0421.9\": {}, \"2026.0421.29\": {}, \"2026.0420.50\": {}, \"2026.0421.x\": {}}}} | 2026.0421.30",
        "{\"latest\": \"2026.0421.7\"} | 2026.0421.8",
        "{\"format\": 2, \"assets\": {\"releases\": {}}, \"latest\": \"2026.0421.3\"} | 2026.0421.1",
        "{\"format\": 2, \"assets\": {\"releases\": {\"2026.0421.3\": {}}}, \"latest\": \"2026.0421.8\"} | 2026.0421.4",
        "{\"format\": 2, \"assets\": {\"releases\": {\"2026.0421.9\": {}}}} | 2026.0421.10",
        "{\"format\": 2} | 2026.0421.1",
        "{\"format\": 2.0, \"assets\": {\"releases\": {\"2026.0421.4\": {}}}} | 2026.0421.5",
        "{\"format\": 1, \"assets\": {\"releases\": {\"2026.0421.4\": {}}}, \"latest\": \"2026.0421.1\"} | 2026.0421.2",
        "{\"format\": 2, \"assets\": {\"releases\": [\"2026.0421.4\"]}, \"latest\": \"2026.0421.6\"} | 2026.0421.7",
        "{\"latest\": \"2026.0421.1_0\"} | 2026.0421.11",
        "{\"latest\": \"2026.0421. 5 \"} | 2026.0421.6",
      })
  void next_examples(String existing, String expected) throws Exception {
    assertThat(AssetVersions.next(JsonReader.read(existing, JsonDialect.PYTHON), TODAY))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2026-04-21, 2026.0421", "2026-01-02, 2026.0102", "2030-12-31, 2030.1231"})
  void prefix_isYearMonthDay(LocalDate day, String expected) {
    assertThat(AssetVersions.prefix(day)).isEqualTo(expected);
  }
}
