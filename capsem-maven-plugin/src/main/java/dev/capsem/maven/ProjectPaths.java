package dev.capsem.maven;

import dev.capsem.core.diag.GivenPath;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/** Files as a Maven user knows them: relative to the project folder when inside it. */
record ProjectPaths(File basedir) {

  String shown(File file) {
    if (basedir != null) {
      Path base = basedir.toPath().toAbsolutePath().normalize();
      Path target = file.toPath().toAbsolutePath().normalize();
      if (target.startsWith(base)) {
        String shown = base.relativize(target).toString().replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
      }
    }
    return file.getPath();
  }

  GivenPath given(File file) {
    return file == null ? null : new GivenPath(file.toPath(), shown(file));
  }

  /** An input file that must exist: a missing one is the user's to fix (E016), not a crash. */
  GivenPath required(File file, String what, String parameter) throws MojoFailureException {
    if (!file.isFile()) {
      throw missing(file, "Missing required file", what, parameter);
    }
    return given(file);
  }

  /** A folder that must exist (E016 otherwise). */
  GivenPath requiredDirectory(File dir, String what, String parameter) throws MojoFailureException {
    if (!dir.isDirectory()) {
      throw missing(dir, "Missing config directory", what, parameter);
    }
    return given(dir);
  }

  /** An input that is read only when it exists. */
  GivenPath ifPresent(File file) {
    return file != null && file.isFile() ? given(file) : null;
  }

  private MojoFailureException missing(File file, String title, String what, String parameter) {
    return new MojoFailureException(
        "E016 %s: %s: the %s does not exist (set <%s> or -Dcapsem.%s)"
            .formatted(shown(file), title, what, parameter, parameter));
  }
}
