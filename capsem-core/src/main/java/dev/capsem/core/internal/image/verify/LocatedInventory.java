package dev.capsem.core.internal.image.verify;

import java.util.Objects;

/**
 * An inventory and where it came from, as the report shows it ({@code null} when it was handed over
 * in memory).
 */
public record LocatedInventory(String path, ImageInventory inventory) {

  public LocatedInventory {
    Objects.requireNonNull(inventory, "inventory");
  }
}
