package dev.capsem.core.internal.policycontext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A JSONL corpus read in bounded pieces: a few hundred kilobytes of lines at a time, decoded on
 * every core by {@link FixtureDecoder} (the tree path for the lines it declines), each piece handed
 * on in file order and then dropped, so memory stays flat however long the corpus is.
 *
 * <p>It settles only corpora whose every line is good and split by {@code \n} alone. A bad line,
 * invalid UTF-8 or one of the other line breaks Python's {@code splitlines} knows gives {@link
 * Status#EXACT_PATH_NEEDED}: {@link PolicyContextCorpus#read} then reads the whole file again and
 * words the refusal exactly as upstream does (a refused corpus keeps no event, so no work is lost
 * that counts).
 */
public final class CorpusStream {

  /** How reading ended. */
  public enum Status {
    /** Every line was read and handed on. */
    READ,
    /** Only {@link PolicyContextCorpus#read} can settle this corpus. */
    EXACT_PATH_NEEDED
  }

  // Small enough that the fixtures of the pieces in flight stay a few megabytes of heap.
  private static final int PIECE = 256 << 10;
  private static final Object EXACT = new Object();

  // What each byte value is to the line scanner, for the bytes that are not printable ASCII.
  private static final int PLAIN = 1;
  private static final int BLANK = 2; // space, tab and 0x1f: Python's str.strip() removes them
  private static final int NON_ASCII = 4;
  private static final int BREAK = 8; // \v \f \r 0x1c-0x1e: line breaks to splitlines
  private static final int NEWLINE = 16;

  private final byte[] kind = kinds();
  private final FixtureDecoder decoder = new FixtureDecoder();

  private static byte[] kinds() {
    byte[] kinds = new byte[256];
    for (int b = 0; b < 256; b++) {
      kinds[b] = (byte) (b >= 0x80 ? NON_ASCII : PLAIN);
    }
    for (int b : new int[] {' ', '\t', 0x1f}) {
      kinds[b] = BLANK;
    }
    for (int b : new int[] {0x0b, 0x0c, '\r', 0x1c, 0x1d, 0x1e}) {
      kinds[b] = BREAK;
    }
    kinds['\n'] = NEWLINE;
    return kinds;
  }

  /** A reader; its decoder's tables are made once and shared by every piece. */
  public static CorpusStream create() {
    return new CorpusStream();
  }

  private CorpusStream() {}

  /**
   * Reads {@code file}, applying {@code perPiece} to each piece's fixtures (on every core) and
   * {@code inOrder} to the results in file order, on the calling thread.
   *
   * <p>A pipeline rather than batches: while the workers decode, the calling thread reads the next
   * pieces and hands on the finished ones, so neither reading nor {@code inOrder} (a report's
   * spool) waits for the slowest piece of a batch. At most {@code 2 × cores + 1} pieces are in
   * flight, which keeps memory flat.
   */
  public <R> Status read(
      Path file, Function<List<PolicyContextFixture>, R> perPiece, Consumer<R> inOrder)
      throws IOException {
    int workers = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(workers, CorpusStream::worker);
    Deque<InFlight> inFlight = new ArrayDeque<>();
    // Buffers of pieces handed on, for the next pieces: the corpus is read without new garbage.
    Deque<byte[]> spare = new ArrayDeque<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] carry = new byte[0];
      boolean end = false;
      while (!end || !inFlight.isEmpty()) {
        if (!end && inFlight.size() <= 2 * workers) {
          int size = Math.max(PIECE, carry.length * 2);
          byte[] buffer = size == PIECE && !spare.isEmpty() ? spare.pop() : new byte[size];
          System.arraycopy(carry, 0, buffer, 0, carry.length);
          int filled = carry.length;
          int n;
          while (filled < buffer.length
              && (n = in.read(buffer, filled, buffer.length - filled)) > 0) {
            filled += n;
          }
          end = filled < buffer.length;
          int cut = end ? filled : lastNewline(buffer, filled) + 1;
          if (cut == 0) {
            carry = Arrays.copyOf(buffer, filled); // one line longer than the buffer: grow
            continue;
          }
          carry = Arrays.copyOfRange(buffer, cut, filled);
          inFlight.add(new InFlight(pool.submit(() -> piece(buffer, cut, perPiece)), buffer));
          continue;
        }
        InFlight first = inFlight.removeFirst();
        Object result = done(first.result());
        if (first.buffer().length == PIECE) {
          spare.push(first.buffer()); // its fixtures hold copies, not the bytes
        }
        if (result == EXACT) {
          return Status.EXACT_PATH_NEEDED;
        }
        @SuppressWarnings("unchecked")
        R value = (R) result;
        inOrder.accept(value);
      }
    } finally {
      pool.shutdownNow();
    }
    return Status.READ;
  }

  /** A piece being decoded, and the buffer it is read from. */
  private record InFlight(Future<Object> result, byte[] buffer) {}

  private static Thread worker(Runnable task) {
    Thread thread = new Thread(task, "capsem-corpus");
    thread.setDaemon(true);
    return thread;
  }

  // A piece's result, its worker's failure rethrown as it was.
  private static Object done(Future<Object> piece) throws IOException {
    try {
      return piece.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading the corpus");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  /**
   * The end of the line at {@code start} (its newline, or {@code length}) in the low half, the
   * union of its bytes' kinds in the high half. Printable ASCII, the bulk of any corpus, is passed
   * over with one compare: only bytes below 0x20, and from 0x80 up (negative as bytes), are looked
   * up. Whether the line holds more than blanks is settled at its first byte that is not one.
   */
  private long scanLine(byte[] bytes, int start, int length) {
    int end = start;
    int seen = 0;
    while (end < length) {
      byte b = bytes[end];
      if (b < 0x20) {
        int found = kind[b & 0xff];
        if (found == NEWLINE) {
          break;
        }
        seen |= found;
      }
      end++;
    }
    int first = start;
    while (first < end && kind[bytes[first] & 0xff] == BLANK) {
      first++;
    }
    if (first < end && kind[bytes[first] & 0xff] == PLAIN) {
      seen |= PLAIN;
    }
    return (long) seen << 32 | end;
  }

  private static int lastNewline(byte[] buffer, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private <R> Object piece(
      byte[] bytes, int length, Function<List<PolicyContextFixture>, R> perPiece) {
    // About one event per few hundred bytes: sized so the list seldom grows.
    List<PolicyContextFixture> fixtures = new ArrayList<>(length / 256 + 16);
    try (FixtureDecoder.Lines lines = decoder.lines(bytes, length)) {
      int start = 0;
      while (start < length) {
        long scanned = scanLine(bytes, start, length);
        int end = (int) scanned;
        int seen = (int) (scanned >>> 32); // the union of the line's byte kinds
        if ((seen & BREAK) != 0) {
          return EXACT; // a line break of splitlines' own
        }
        boolean blank = (seen & (PLAIN | NON_ASCII)) == 0;
        boolean ascii = (seen & NON_ASCII) == 0;
        if (!blank) {
          if (!ascii && !plainUtf8(bytes, start, end)) {
            return EXACT;
          }
          PolicyContextFixture fixture = lines.decode(start, end);
          if (fixture == null) {
            Object line =
                PolicyContextCorpus.line(
                    new String(bytes, start, end - start, StandardCharsets.UTF_8), 1, "");
            if (!(line == null || line instanceof PolicyContextFixture)) {
              return EXACT;
            }
            fixture = (PolicyContextFixture) line;
          }
          if (fixture != null) {
            fixtures.add(fixture);
          }
        }
        start = end + 1;
      }
    }
    return perPiece.apply(fixtures);
  }

  // Valid UTF-8 without NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR (line breaks to splitlines).
  private static boolean plainUtf8(byte[] bytes, int from, int to) {
    CharBuffer chars;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, from, to - from));
    } catch (CharacterCodingException e) {
      return false;
    }
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }
}
