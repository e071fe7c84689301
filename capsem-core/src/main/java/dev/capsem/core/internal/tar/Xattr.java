package dev.capsem.core.internal.tar;

import java.util.Arrays;
import java.util.Objects;

/**
 * An extended attribute: its full name ({@code security.capability}, a byte string) and its raw
 * value, as a tar stream's pax records carry it and a squashfs image stores it.
 */
public record Xattr(String name, byte[] value) {

  public Xattr {
    Objects.requireNonNull(name, "name");
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Xattr that
        && name.equals(that.name)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return name + "=" + value.length + " bytes";
  }
}
