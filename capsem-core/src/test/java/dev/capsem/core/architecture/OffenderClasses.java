package dev.capsem.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Classes that break the hexagon on purpose, compiled from {@code src/test/archfixture} into a
 * folder of their own. They use stand-ins named like adapter libraries' types ({@code
 * org.bouncycastle.crypto.Digest}, jib's {@code Jib}, ...); compiled with the tests, those
 * stand-ins would sit on every test class path that sees capsem-core's tests and shadow the real
 * libraries (a stand-in in BouncyCastle's signed package even stops the JVM from loading the real
 * one).
 */
final class OffenderClasses {

  private static final Path SOURCES = Path.of("src", "test", "archfixture");

  private final Path classes;

  private OffenderClasses(Path classes) {
    this.classes = classes;
  }

  /** Compiles every fixture and stand-in into {@code target}. */
  static OffenderClasses compiledInto(Path target) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources =
          files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String[] arguments =
        Stream.concat(Stream.of("-d", target.toString(), "-proc:none"), sources.stream())
            .toArray(String[]::new);
    if (javac.run(null, errors, errors, arguments) != 0) {
      throw new IllegalStateException(
          "the architecture fixtures do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    }
    return new OffenderClasses(target);
  }

  /** The fixture {@code dev.capsem.archfixture.<simpleName>} alone. */
  JavaClasses fixture(String simpleName) {
    return new ClassFileImporter()
        .importPath(classes.resolve("dev/capsem/archfixture/" + simpleName + ".class"));
  }
}
