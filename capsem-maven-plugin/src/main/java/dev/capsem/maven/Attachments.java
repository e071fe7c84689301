package dev.capsem.maven;

import java.io.File;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Attaches release files to the project, so that {@code install} and {@code deploy} publish them:
 * each once, however many goals of a build attach it.
 */
final class Attachments {

  private Attachments() {}

  /**
   * Attaches {@code file} with {@code type} (its extension) and {@code classifier} (null for the
   * main artifact's companions, such as its signature).
   */
  static void attach(StepContext step, File file, String type, String classifier)
      throws MojoExecutionException {
    if (step.helper() == null || step.project() == null) {
      throw new MojoExecutionException("this goal cannot attach artifacts (no project helper)");
    }
    for (Artifact attached : step.project().getAttachedArtifacts()) {
      if (Objects.equals(attached.getClassifier(), classifier)
          && Objects.equals(attached.getType(), type)) {
        attached.setFile(file);
        return;
      }
    }
    step.helper().attachArtifact(step.project(), type, classifier, file);
  }
}
