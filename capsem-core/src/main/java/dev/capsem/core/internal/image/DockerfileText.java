package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.BuildTokens;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile line that cannot be quoted: an image reference or platform after {@code
 * FROM}, a path after {@code COPY} or in {@code ENV}, a shell fragment the workspace gives as a
 * command. Each must already have the shape the workspace schema checks (E570); a value that does
 * not is a bug upstream of the renderer, and rendering stops rather than write a Dockerfile whose
 * instructions the profile did not ask for.
 */
final class DockerfileText {

  private DockerfileText() {}

  static String imageReference(String value) {
    return shaped(value, BuildTokens.IMAGE_REFERENCE, "image reference");
  }

  static String platform(String value) {
    return shaped(value, BuildTokens.PLATFORM, "platform");
  }

  static String relativePath(String value) {
    return shaped(value, BuildTokens.RELATIVE_PATH, "relative path");
  }

  static String absolutePath(String value) {
    return shaped(value, BuildTokens.ABSOLUTE_PATH, "absolute path");
  }

  /**
   * A command the workspace gives as shell text ({@code install_cmd}): one line without a
   * here-document marker ({@code <<}, which would make Docker read the following lines, later
   * instructions included, as its body), as it is.
   */
  static String shellFragment(String value) {
    if (!BuildTokens.isOneLineCommand(value)) {
      throw new IllegalArgumentException(
          "refusing to render a shell fragment with a line break or here-document");
    }
    return value;
  }

  private static String shaped(String value, Pattern shape, String what) {
    if (!shape.matcher(value).matches()) {
      throw new IllegalArgumentException("refusing to render an unsafe " + what);
    }
    return value;
  }
}
