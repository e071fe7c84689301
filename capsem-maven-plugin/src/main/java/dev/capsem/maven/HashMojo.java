package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Logs the BLAKE3 of each file, as {@code b3sum} prints it; report {@code hash.json}. */
@Mojo(name = "hash", threadSafe = true, requiresProject = false)
public final class HashMojo extends AbstractCapsemMojo {

  /**
   * The files to hash.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.files", required = true)
  List<File> files = new ArrayList<>();

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(capsem.signing().hash(files.stream().map(this::given).toList()), "hash.json");
  }
}
