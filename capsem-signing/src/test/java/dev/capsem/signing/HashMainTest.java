package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashMainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void run_twoFiles_printsOneB3sumStyleLineEach() throws IOException {
    Path hello = Files.writeString(dir.resolve("hello"), "hello");
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);

    int status = run("--engine=lockstep", hello.toString(), empty.toString());

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f  "
                + hello
                + "\naf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262  "
                + empty
                + "\n");
  }

  @Test
  void run_missingFile_reportsItAndHashesTheRest() throws IOException {
    Path hello = Files.writeString(dir.resolve("hello"), "hello");
    Path absent = dir.resolve("absent");

    int status = run(absent.toString(), hello.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("hash: " + absent + ": ");
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("  " + hello + "\n");
  }

  @Test
  void run_unknownEngine_failsWithUsageStatus() {
    int status = run("--engine=turbo", "x");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown engine 'turbo'");
  }

  @Test
  void run_noFiles_printsUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ");
  }

  private int run(String... args) {
    return HashMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
