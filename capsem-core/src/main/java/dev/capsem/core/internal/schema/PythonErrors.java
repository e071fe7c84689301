package dev.capsem.core.internal.schema;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** I/O failures worded as Python's {@code str(OSError)}, which upstream puts in its reports. */
public final class PythonErrors {

  private PythonErrors() {}

  public static String describe(IOException error, Path file) {
    if (error instanceof NoSuchFileException) {
      return "[Errno 2] No such file or directory: '" + file + "'";
    }
    if (error instanceof AccessDeniedException) {
      return "[Errno 13] Permission denied: '" + file + "'";
    }
    if (java.nio.file.Files.isDirectory(file)) {
      return "[Errno 21] Is a directory: '" + file + "'";
    }
    return String.valueOf(error.getMessage());
  }
}
