package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.ports.Signer;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The release as one folder ({@code publish/}): every published file and signature under the name
 * it has in the registry artifact and in the provenance's subjects, {@code assets/...}, {@code
 * sbom/...}, {@code release/...} as the layout's folders, and the provenance at the top. Files are
 * hard links where the file system allows (a rootfs is large), else copies.
 */
final class ReleaseBundle {

  private ReleaseBundle() {}

  /** The name {@code file} has in the release folder. */
  static String name(ReleaseLayout layout, GivenPath file) {
    Path path = file.path().toAbsolutePath().normalize();
    if (path.equals(layout.provenance().path().toAbsolutePath().normalize())) {
      return Provenance.FILE_NAME;
    }
    for (Map.Entry<String, GivenPath> folder :
        List.of(
            Map.entry("assets", layout.assets()),
            Map.entry("sbom", layout.sbom()),
            Map.entry("release", layout.release()))) {
      Path root = folder.getValue().path().toAbsolutePath().normalize();
      if (path.startsWith(root)) {
        return folder.getKey() + "/" + root.relativize(path).toString().replace('\\', '/');
      }
    }
    return path.getFileName().toString();
  }

  /** Every file of the release folder (each published file, then its signature) by its name. */
  static Map<String, Path> files(ReleaseLayout layout, List<ReleaseFile> published) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (ReleaseFile file : published) {
      String name = name(layout, file.file());
      files.put(name, file.file().path());
      if (file.signature()) {
        files.put(name + Signer.SIGNATURE_SUFFIX, Signer.defaultSignatureFile(file.file().path()));
      }
    }
    return files;
  }

  /**
   * Makes {@code folder} hold exactly {@code files}: what an earlier release left there goes first,
   * then each file is linked (or copied) into place.
   *
   * @return the names placed, in order
   */
  static List<String> assemble(Path folder, Map<String, Path> files) throws IOException {
    deleteTree(folder);
    Files.createDirectories(folder);
    List<String> placed = new ArrayList<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      try {
        Files.createLink(target, file.getValue());
      } catch (FileSystemException | UnsupportedOperationException e) {
        Files.copy(file.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
      }
      placed.add(file.getKey());
    }
    return placed;
  }

  /** Every file of an assembled release folder, by its name there. */
  static Map<String, Path> list(ReleaseLayout layout) throws IOException {
    Path folder = layout.publish().path();
    Map<String, Path> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(folder.relativize(file).toString().replace('\\', '/'), file);
      }
    }
    return files;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
