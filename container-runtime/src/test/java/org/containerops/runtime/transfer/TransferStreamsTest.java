package org.containerops.runtime.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TransferStreamsTest {
  private static final byte[] BODY = "forty bytes of a perfectly good blob....".getBytes();

  private static String sha256(byte[] b) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** An endless body, as a hostile registry sends it; counts what was taken from it. */
  private static final class Endless extends InputStream {
    long served;
    @Override public int read() { served++; return 'x'; }
    @Override public int read(byte[] b, int off, int len) { served += len; java.util.Arrays.fill(b, off, off + len, (byte) 'x'); return len; }
  }

  @Test
  void aBodyThatMatchesItsDescriptorPasses() throws Exception {
    try (VerifiedInputStream in = new VerifiedInputStream(new ByteArrayInputStream(BODY), BODY.length, sha256(BODY), "blob")) {
      assertArrayEquals(BODY, in.readAllBytes());
      assertTrue(in.verified());
    }
  }

  @Test
  void anEndlessBodyStopsOneBytePastTheDeclaredSize() throws Exception {
    Endless endless = new Endless();
    VerifiedInputStream in = new VerifiedInputStream(endless, 40, sha256(BODY), "blob sha256:x of a/b");
    TransferException e = assertThrows(TransferException.class, in::readAllBytes);
    assertTrue(e.getMessage().contains("longer than the declared 40 bytes") && e.getMessage().contains("a/b"), e.getMessage());
    assertTrue(endless.served <= 41 + 8192, "took only about the declared size, took " + endless.served);
  }

  @Test
  void aShortBodyOrAnotherDigestFailsAtTheEnd() throws Exception {
    VerifiedInputStream shortOne = new VerifiedInputStream(new ByteArrayInputStream(BODY, 0, 10), 40, sha256(BODY), "blob");
    assertTrue(assertThrows(TransferException.class, shortOne::readAllBytes).getMessage().contains("after 10 of the declared 40"));
    byte[] other = BODY.clone();
    other[3] = 'X';
    VerifiedInputStream wrong = new VerifiedInputStream(new ByteArrayInputStream(other), 40, sha256(BODY), "blob");
    assertTrue(assertThrows(TransferException.class, wrong::readAllBytes).getMessage().contains("digest mismatch"));
    assertFalse(wrong.verified());
  }

  @Test
  void malformedDescriptorsAreRefusedUpFront() {
    assertThrows(IllegalArgumentException.class, () -> new VerifiedInputStream(InputStream.nullInputStream(), -1, "sha256:" + "0".repeat(64), "b"));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedInputStream(InputStream.nullInputStream(), 1, "md5:abc", "b"));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedInputStream(InputStream.nullInputStream(), 1, "sha256:zz", "b"));
  }

  @Test
  void limitedStreamPassesUpToTheLimitAndFailsPastIt() throws IOException {
    assertEquals(40, new LimitedInputStream(new ByteArrayInputStream(BODY), 40, "m").readAllBytes().length);
    Endless endless = new Endless();
    LimitedInputStream in = new LimitedInputStream(endless, 1000, "manifest of x/y:1");
    TransferException e = assertThrows(TransferException.class, in::readAllBytes);
    assertTrue(e.getMessage().contains("manifest of x/y:1") && e.getMessage().contains("1000"), e.getMessage());
    assertTrue(endless.served <= 1001 + 8192);
  }
}
