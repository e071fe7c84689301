package dev.capsem.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** The release profiles a reactor's modules made, for the one catalog over them. */
final class StagedReleases {

  private StagedReleases() {}

  /** A module's release profiles: its main artifact, or its staged release folder. */
  static List<File> profiles(MavenProject module) throws MojoExecutionException {
    File main = module.getArtifact() == null ? null : module.getArtifact().getFile();
    if (AbstractPipelineMojo.PACKAGING.equals(module.getPackaging())
        && main != null
        && main.getName().endsWith(".json")
        && main.isFile()) {
      return List.of(main);
    }
    Path staged = Path.of(module.getBuild().getDirectory(), "capsem", "release", "profiles");
    if (!Files.isDirectory(staged)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(staged)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(Path::toFile)
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + staged + ": " + e.getMessage(), e);
    }
  }
}
