package dev.capsem.core.internal.image.rootfs;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.squashfs.Listing;
import dev.capsem.core.internal.squashfs.SquashfsException;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code image ls} and {@code image cat} for operators and tests: the rootfs as the guest sees it,
 * read in-process. A bad image or path is a coded finding (E530-E534), never a stack trace.
 */
public final class RootfsFlow {

  private final Rootfs rootfs;

  public RootfsFlow(Rootfs rootfs) {
    this.rootfs = rootfs;
  }

  /**
   * The listing of {@code path} (empty: the whole image) exactly as {@code unsquashfs -lln} prints
   * it; the JSON report ({@code capsem.image-ls.v1}) carries the same lines.
   */
  public Outcome<TextReport> list(GivenPath image, String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      rootfs.list(image.path(), path, Listing.Style.LONG_NUMERIC, Listing.Names.numeric(), out);
    } catch (IOException e) {
      return failed(image, e);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    List<Node> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        lines.add(StringNode.of(line));
      }
    }
    String json =
        JsonPrinter.pretty()
            .printLine(
                ObjectNode.builder()
                    .put("schema", "capsem.image-ls.v1")
                    .put("ok", BooleanNode.of(true))
                    .put("image", PythonPath.normalize(image.shown()))
                    .put("path", absolute(path))
                    .put("entries", ArrayNode.of(lines))
                    .build());
    return Outcome.of(new TextReport(json, text));
  }

  /**
   * Streams the regular file at {@code path} to {@code out} when given (written atomically: a
   * temporary file beside it, moved into place once complete), else to {@code stdout}.
   */
  public Outcome<TextReport> cat(GivenPath image, String path, GivenPath out, OutputStream stdout) {
    long size;
    try {
      size = out == null ? copy(image, path, stdout) : copyToFile(image, path, out.path());
    } catch (IOException e) {
      return failed(image, e);
    }
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", "capsem.image-cat.v1")
            .put("ok", BooleanNode.of(true))
            .put("image", PythonPath.normalize(image.shown()))
            .put("path", absolute(path))
            .put("size", IntegerNode.of(size));
    if (out == null) {
      return Outcome.of(new TextReport(JsonPrinter.pretty().printLine(report.build()), ""));
    }
    String shown = PythonPath.normalize(out.shown());
    report.put("out", shown);
    return Outcome.of(
        new TextReport(
            JsonPrinter.pretty().printLine(report.build()),
            "",
            List.of("wrote " + absolute(path) + " (" + size + " bytes) to " + shown)));
  }

  private long copy(GivenPath image, String path, OutputStream target) throws IOException {
    Counting counting = new Counting(target);
    rootfs.cat(image.path(), path, counting);
    counting.flush();
    return counting.count;
  }

  private long copyToFile(GivenPath image, String path, Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
    try {
      long size;
      try (OutputStream file = Files.newOutputStream(temp)) {
        size = copy(image, path, file);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      return size;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Outcome<TextReport> failed(GivenPath image, IOException e) {
    String shown = PythonPath.normalize(image.shown());
    if (e instanceof SquashfsException squashfs) {
      return Outcome.failed(
          squashfs.getMessage(),
          List.of(new Diagnostic(squashfs.code(), shown, "", null, squashfs.getMessage())));
    }
    return Outcome.failed("cannot read " + shown + ": " + e.getMessage(), List.of());
  }

  private static String absolute(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  /** Counts what passes through, for the report. */
  private static final class Counting extends FilterOutputStream {
    private long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
