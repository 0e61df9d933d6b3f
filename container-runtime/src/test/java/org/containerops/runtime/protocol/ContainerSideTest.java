package org.containerops.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerSideTest {
  private final PrintStream realOut = System.out;
  private final PrintStream realErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(realOut);
    System.setErr(realErr);
  }

  @Test
  void successPrintsOneBlobWithDataAndEchoedArgumentsAndNoErrorKey() {
    PrintStream before = System.out;
    int code = ContainerSide.respond(Map.of("timeout", 900), () -> {
      System.out.println("chatter that must not reach stdout");
      return Map.of("names", Set.of("b", "a"));
    });
    assertEquals(0, code);
    assertSame(before, System.out, "System.out is restored");
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertEquals("{\n  \"data\": {\n    \"names\": {\n      \"__set__\": true,\n      \"elements\": [\n"
        + "        \"a\",\n        \"b\"\n      ]\n    }\n  },\n  \"timeout\": 900\n}\n", stdout);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("chatter that must not reach stdout"));
    ProtocolReply reply = ProtocolReply.parse(out.toByteArray());
    assertTrue(reply.error().isEmpty());
    assertFalse(reply.object().has("error"));
  }

  @Test
  void failureReportsTypeMessageAndTracebackAndExitsZero() {
    int code = ContainerSide.respond(Map.of(), () -> {
      throw new IllegalStateException("it's broken\nsecond line");
    });
    assertEquals(0, code);
    ProtocolReply reply = ProtocolReply.parse(out.toByteArray());
    RemoteError e = reply.error().orElseThrow();
    assertEquals("IllegalStateException", e.name());
    assertEquals("it's broken\nsecond line", e.message());
    assertTrue(e.traceback().contains("ContainerSideTest"), e.traceback());
    assertTrue(reply.data().isNull());
  }

  @Test
  void unencodableDataBecomesAnError() {
    int code = ContainerSide.respond(Map.of(), () -> new Object());
    assertEquals(0, code);
    assertTrue(ProtocolReply.parse(out.toByteArray()).error().isPresent());
  }
}
