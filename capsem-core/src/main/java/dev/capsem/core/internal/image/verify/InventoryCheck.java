package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The contract checks of one architecture's inventory. An architecture without an inventory fails
 * ({@code failure: missing}, no rows): the inventory is mandatory.
 *
 * @param path the inventory as the report shows it; {@code null} only for an inventory given
 *     without a file (API use)
 */
public record InventoryCheck(
    String arch,
    String path,
    String failure,
    List<ContractCheck> packageContract,
    List<ContractCheck> toolContract) {

  public static final String MISSING = "missing";

  public InventoryCheck {
    packageContract = List.copyOf(packageContract);
    toolContract = List.copyOf(toolContract);
  }

  public boolean ok() {
    return failure == null
        && packageContract.stream().allMatch(ContractCheck::ok)
        && toolContract.stream().allMatch(ContractCheck::ok);
  }

  public ObjectNode toJson() {
    ObjectNode.Builder out = ObjectNode.builder().put("arch", arch);
    if (path != null) {
      out.put("path", path);
    }
    out.put("ok", BooleanNode.of(ok()));
    if (failure != null) {
      out.put("failure", failure);
    }
    return out.put(
            "package_contract",
            ArrayNode.of(packageContract.stream().map(ContractCheck::toJson).toList()))
        .put(
            "tool_contract",
            ArrayNode.of(toolContract.stream().map(ContractCheck::toJson).toList()))
        .build();
  }
}
