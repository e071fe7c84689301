package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fixed digests, so these run without b3sum. */
class Blake3KnownAnswerTest {

  /**
   * The official BLAKE3 test-vector inputs (byte i is {@code i % 251}) and their default 32-byte
   * digests, as printed by b3sum 1.2.0.
   */
  private static final Map<Integer, String> OFFICIAL_INPUT_DIGESTS =
      Map.ofEntries(
          Map.entry(0, "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"),
          Map.entry(1, "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213"),
          Map.entry(1023, "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11"),
          Map.entry(1024, "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7"),
          Map.entry(1025, "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444"),
          Map.entry(2048, "e776b6028c7cd22a4d0ba182a8bf62205d2ef576467e838ed6f2529b85fba24a"),
          Map.entry(2049, "5f4d72f40d7a5f82b15ca2b2e44b1de3c2ef86c426c95c1af0b6879522563030"),
          Map.entry(3072, "b98cb0ff3623be03326b373de6b9095218513e64f1ee2edd2525c7ad1e5cffd2"),
          Map.entry(3073, "7124b49501012f81cc7f11ca069ec9226cecb8a2c850cfe644e327d22d3e1cd3"),
          Map.entry(4096, "015094013f57a5277b59d8475c0501042c0b642e531b0a1c8f58d2163229e969"),
          Map.entry(4097, "9b4052b38f1c5fc8b1f9ff7ac7b27cd242487b3d890d15c96a1c25b8aa0fb995"),
          Map.entry(5120, "9cadc15fed8b5d854562b26a9536d9707cadeda9b143978f319ab34230535833"),
          Map.entry(5121, "628bd2cb2004694adaab7bbd778a25df25c47b9d4155a55f8fbd79f2fe154cff"),
          Map.entry(6144, "3e2e5b74e048f3add6d21faab3f83aa44d3b2278afb83b80b3c35164ebeca205"),
          Map.entry(6145, "f1323a8631446cc50536a9f705ee5cb619424d46887f3c376c695b70e0f0507f"),
          Map.entry(7168, "61da957ec2499a95d6b8023e2b0e604ec7f6b50e80a9678b89d2628e99ada77a"),
          Map.entry(7169, "a003fc7a51754a9b3c7fae0367ab3d782dccf28855a03d435f8cfe74605e7817"),
          Map.entry(8192, "aae792484c8efe4f19e2ca7d371d8c467ffb10748d8a5a1ae579948f718a2a63"),
          Map.entry(8193, "bab6c09cb8ce8cf459261398d2e7aef35700bf488116ceb94a36d0f5f1b7bc3b"),
          Map.entry(16384, "f875d6646de28985646f34ee13be9a576fd515f76b5b0a26bb324735041ddde4"),
          Map.entry(31744, "62b6960e1a44bcc1eb1a611a8d6235b6b4b78f32e7abc4fb4c6cdcce94895c47"),
          Map.entry(102400, "bc3e3d41a1146b069abffad3c0d44860cf664390afce4d9661f7902e7943e085"));

  static byte[] officialInput(int length) {
    byte[] input = new byte[length];
    for (int i = 0; i < length; i++) {
      input[i] = (byte) (i % 251);
    }
    return input;
  }

  static Stream<Arguments> officialVectorsPerEngine() {
    return Engines.available().entrySet().stream()
        .flatMap(
            engine ->
                OFFICIAL_INPUT_DIGESTS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(v -> Arguments.of(engine.getKey(), v.getKey(), v.getValue())));
  }

  @Test
  void hex_emptyInput_isTheSpecDigest() {
    assertThat(Blake3.hasher().hex(new byte[0]))
        .isEqualTo("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
  }

  @Test
  void hex_hello_isTheSpecDigest() {
    assertThat(Blake3.hasher().hex("hello".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f");
  }

  @ParameterizedTest(name = "{0} engine, {1} bytes")
  @MethodSource("officialVectorsPerEngine")
  void hex_officialTestVectorInput_matchesB3sumDigest(String engine, int length, String digest) {
    Hasher hasher = Blake3.hasher(Engines.available().get(engine), 2);

    assertThat(hasher.hex(officialInput(length))).isEqualTo(digest);
  }

  @ParameterizedTest(name = "{0} engine, {1} bytes")
  @MethodSource("officialVectorsPerEngine")
  void hexOfFile_officialTestVectorInputInSmallPieces_matchesB3sumDigest(
      String engine, int length, String digest, @TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("input"), officialInput(length));
    ManyHasher many = Engines.available().get(engine);
    // 1 KiB pieces: even these small files take the multi-threaded tree path.
    ParallelFileHasher files = new ParallelFileHasher(many, 3, 1024, 1024);

    assertThat(files.hex(file)).isEqualTo(digest);
  }

  @Test
  void hexOfFile_upstreamProfileFixture_isTheDigestTheSpecGives() throws IOException {
    Path fixture =
        Path.of(
            System.getProperty("capsem.conformance.dir", "../../shared/conformance"),
            "capsem/schemas/fixtures/profile-v2-valid.json");

    assertThat(Blake3.hasher().hexOfFile(fixture))
        .isEqualTo("20dfe4780ad3a874f39152c3247c5bbab04a21135f3c656f872f41759953c9b8");
  }
}
