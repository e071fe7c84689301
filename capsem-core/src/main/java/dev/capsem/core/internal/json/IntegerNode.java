package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;
import java.math.BigInteger;
import java.util.Objects;

/** An integer of any size, as Python reads it. */
public record IntegerNode(BigInteger value, Position position) implements Node {

  public IntegerNode {
    Objects.requireNonNull(value, "value");
  }

  public static IntegerNode of(long value) {
    return new IntegerNode(BigInteger.valueOf(value), null);
  }
}
