package dev.capsem.core.internal.squashfs;

import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes file contents as mksquashfs does for a tar stream: whole blocks (a block of zeros is a
 * hole, not stored), tails packed into shared fragment blocks, and a file whose blocks or tail
 * repeat earlier ones pointing at those instead. Blocks are compressed in parallel and written in
 * the order they were read, so the same input gives the same bytes; at most 16 blocks per thread
 * are in flight, whatever the file sizes.
 *
 * <p>Duplicates are found by length and SHA-256 of the block run or the tail. A run is written
 * before its last block is read; when it turns out to repeat an earlier run, the write position
 * goes back to its start, so its bytes are overwritten.
 */
final class DataWriter implements AutoCloseable {

  /** One compressed (or stored) block. */
  private record Compressed(byte[] bytes, int length, boolean stored) {
    int word() {
      return length | (stored ? Format.DATA_UNCOMPRESSED : 0);
    }
  }

  /** What the write side does next, in read order. */
  private sealed interface Pending permits Block, Fragment, FileEnd {}

  /** A block of {@code file}; {@code result} is null for a hole. */
  private record Block(FileData file, boolean first, Future<Compressed> result)
      implements Pending {}

  private record Fragment(int index, Future<Compressed> result) implements Pending {}

  /** The end of {@code file}'s blocks; {@code duplicateOf} when they repeat an earlier file's. */
  private record FileEnd(FileData file, FileData duplicateOf) implements Pending {}

  /** A placed fragment block: where it is and its size word. */
  record FragmentEntry(long start, int word) {}

  private final SquashfsCodec codec;
  private final int blockSize;
  private final FileChannel out;
  private final ExecutorService workers;
  private final int maxPending;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final byte[] zeros;

  // Read side.
  private final Map<String, FileData> blockRuns = new HashMap<>();
  private final Map<String, FileData> tails = new HashMap<>();
  private byte[] fragment;
  private int fragmentUsed;
  private int fragmentIndex;

  // Write side.
  private long position;
  private long fileStart;
  private final List<Integer> words = new ArrayList<>();
  private long sparse;
  private final List<FragmentEntry> fragments = new ArrayList<>();

  DataWriter(SquashfsCodec codec, int blockSize, FileChannel out, long start, int threads) {
    this.codec = codec;
    this.blockSize = blockSize;
    this.out = out;
    this.position = start;
    this.zeros = new byte[blockSize];
    this.fragment = new byte[blockSize];
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "squashfs-compress-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.maxPending = 16 * threads;
  }

  /** Reads {@code size} bytes of {@code content} into the image and says where they went. */
  FileData add(InputStream content, long size) throws IOException {
    FileData file = new FileData(size);
    long full = size / blockSize;
    int tail = (int) (size % blockSize);
    if (full > 0) {
      MessageDigest digest = sha256();
      for (long i = 0; i < full; i++) {
        byte[] block = readFully(content, blockSize);
        digest.update(block);
        Future<Compressed> result =
            Arrays.equals(block, zeros) ? null : workers.submit(() -> compress(block, blockSize));
        enqueue(new Block(file, i == 0, result));
      }
      String key = full + ":" + hex(digest.digest());
      FileData earlier = blockRuns.putIfAbsent(key, file);
      enqueue(new FileEnd(file, earlier));
    } else {
      enqueue(new FileEnd(file, null));
    }
    if (tail > 0) {
      byte[] bytes = readFully(content, tail);
      String key = tail + ":" + hex(sha256().digest(bytes));
      FileData earlier = tails.get(key);
      if (earlier != null) {
        file.fragment = earlier.fragment;
        file.fragmentOffset = earlier.fragmentOffset;
      } else {
        if (fragmentUsed + tail > blockSize) {
          sealFragment();
        }
        file.fragment = fragmentIndex;
        file.fragmentOffset = fragmentUsed;
        System.arraycopy(bytes, 0, fragment, fragmentUsed, tail);
        fragmentUsed += tail;
        tails.put(key, file);
      }
    }
    return file;
  }

  /** Writes what is still pending and returns the fragment table. */
  List<FragmentEntry> finish() throws IOException {
    if (fragmentUsed > 0) {
      sealFragment();
    }
    while (!pending.isEmpty()) {
      place(pending.removeFirst());
    }
    return List.copyOf(fragments);
  }

  /** Where the next byte after the data goes. */
  long position() {
    return position;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private void sealFragment() throws IOException {
    byte[] bytes = Arrays.copyOf(fragment, fragmentUsed);
    int length = fragmentUsed;
    enqueue(new Fragment(fragmentIndex, workers.submit(() -> compress(bytes, length))));
    fragmentIndex++;
    fragmentUsed = 0;
  }

  private Compressed compress(byte[] block, int length) {
    byte[] target = new byte[blockSize];
    int n = codec.compress(block, 0, length, target, 0, blockSize);
    return n > 0 ? new Compressed(target, n, false) : new Compressed(block, length, true);
  }

  private void enqueue(Pending item) throws IOException {
    pending.addLast(item);
    while (pending.size() > maxPending) {
      place(pending.removeFirst());
    }
  }

  private void place(Pending item) throws IOException {
    if (item instanceof Block block) {
      if (block.first()) {
        fileStart = position;
        words.clear();
        sparse = 0;
      }
      if (block.result() == null) {
        words.add(0);
        sparse += blockSize;
      } else {
        Compressed c = result(block.result());
        write(c.bytes(), c.length());
        words.add(c.word());
      }
    } else if (item instanceof Fragment f) {
      Compressed c = result(f.result());
      fragments.add(new FragmentEntry(position, c.word()));
      write(c.bytes(), c.length());
    } else if (item instanceof FileEnd end) {
      FileData file = end.file();
      FileData earlier = end.duplicateOf();
      if (earlier != null) {
        position = fileStart;
        file.start = earlier.start;
        file.words = earlier.words;
        file.sparse = earlier.sparse;
      } else if (file.size >= blockSize) {
        file.start = fileStart;
        file.words = words.stream().mapToInt(Integer::intValue).toArray();
        file.sparse = sparse;
      }
    }
  }

  private void write(byte[] bytes, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
    long at = position;
    while (buffer.hasRemaining()) {
      at += out.write(buffer, at);
    }
    position += length;
  }

  private static Compressed result(Future<Compressed> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("compression failed: " + e.getCause(), e.getCause());
    }
  }

  private static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] out = in.readNBytes(length);
    if (out.length < length) {
      throw new SquashfsException(
          dev.capsem.core.diag.Code.E535, "tar stream is damaged: a member ends early");
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] digest) {
    return java.util.HexFormat.of().formatHex(digest);
  }
}
