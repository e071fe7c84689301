package dev.capsem.it;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the registry round trips compare: a folder's files and an OCI report's layers. */
final class ReleaseFiles {

  private ReleaseFiles() {}

  /** Every file under {@code dir}, its relative path to its BLAKE3 (b3sum's). */
  static Map<String, String> b3sums(Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(paths::add);
    }
    for (Path path : paths) {
      files.put(dir.relativize(path).toString().replace('\\', '/'), ImageBuildRealTest.b3sum(path));
    }
    return files;
  }

  /** Tampers with {@code file} in place: one bit of its middle byte flipped, its size kept. */
  static void flipOneBit(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
  }

  /** The blob digest of file {@code name} in a {@code release push} or {@code pull} JSON report. */
  static String layerDigest(String reportJson, String name) throws Exception {
    ObjectNode report = (ObjectNode) JsonReader.read(reportJson, JsonDialect.PYTHON);
    for (Node entry : ((ArrayNode) report.get("files")).items()) {
      ObjectNode file = (ObjectNode) entry;
      if (name.equals(file.string("name"))) {
        return file.string("digest");
      }
    }
    throw new AssertionError("no layer " + name + " in " + reportJson);
  }
}
