package dev.capsem.core.internal.image.verify;

import static dev.capsem.core.internal.schema.Schema.literal;
import static dev.capsem.core.internal.schema.Schema.map;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.PythonErrors;
import dev.capsem.core.internal.schema.Schema;
import dev.capsem.core.internal.schema.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an image inventory as upstream's closed model does: JSON whatever the file name, {@code
 * schema} optional but fixed, four maps of non-empty version strings, nothing else.
 */
public final class InventoryReader {

  private static final Schema INVENTORY =
      Schema.object("ImageInventory")
          .defaulted("schema", literal(ImageInventory.SCHEMA), StringNode.of(ImageInventory.SCHEMA))
          .defaultFactory("apt", map(nonEmptyString()), ObjectNode.empty())
          .defaultFactory("python_modules", map(nonEmptyString()), ObjectNode.empty())
          .defaultFactory("node_packages", map(nonEmptyString()), ObjectNode.empty())
          .defaultFactory("tools", map(nonEmptyString()), ObjectNode.empty())
          .build();

  /** The inventory, or every reason the file is not one. */
  public record Read(ImageInventory inventory, List<Diagnostic> diagnostics) {
    public Read {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private InventoryReader() {}

  public static Read read(Path file, String shownAs) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Read(
          null,
          List.of(
              new Diagnostic(
                  Code.E002, shownAs, "image_inventory", null, PythonErrors.describe(e, file))));
    }
    InputDocument document = InputDocument.parse(bytes, shownAs, true, "image_inventory");
    if (!document.parsed()) {
      return new Read(null, document.problems());
    }
    Validated validated = INVENTORY.validate(document.tree());
    if (!validated.ok()) {
      return new Read(null, validated.issues().stream().map((Issue i) -> i.in(shownAs)).toList());
    }
    ObjectNode value = (ObjectNode) validated.value();
    return new Read(
        new ImageInventory(
            Nodes.stringMap(value, "apt"),
            Nodes.stringMap(value, "python_modules"),
            Nodes.stringMap(value, "node_packages"),
            Nodes.stringMap(value, "tools")),
        List.of());
  }
}
