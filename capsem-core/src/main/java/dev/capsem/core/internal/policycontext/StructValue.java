package dev.capsem.core.internal.policycontext;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One struct of a policy context: every declared field, in declaration order. It is a read-only
 * {@link java.util.Map} for CEL, and it gives compiled conditions direct access by field index.
 */
public final class StructValue extends AbstractMap<String, Object> {

  private final ContextStruct struct;
  private final Object[] values;

  StructValue(ContextStruct struct, Object[] values) {
    if (values.length != struct.fields().size()) {
      throw new IllegalArgumentException("one value per field of " + struct.modelName());
    }
    this.struct = struct;
    this.values = values.clone();
  }

  /** The declaration this value follows. */
  public ContextStruct struct() {
    return struct;
  }

  /** The value of the field at {@code index} in declaration order. */
  public Object valueAt(int index) {
    return values[index];
  }

  @Override
  public Object get(Object key) {
    int index = key instanceof String name ? struct.indexOf(name) : -1;
    return index < 0 ? null : values[index];
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && struct.indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int index = next++;
            return new SimpleImmutableEntry<>(struct.fields().get(index).name(), values[index]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
