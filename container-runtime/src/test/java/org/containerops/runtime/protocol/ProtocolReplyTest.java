package org.containerops.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.containerops.runtime.protocol.ProtocolReply.MalformedReplyException;
import org.junit.jupiter.api.Test;

class ProtocolReplyTest {

  private static ProtocolReply parse(String s) {
    return ProtocolReply.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dataWithoutErrorIsSuccess() {
    ProtocolReply r = parse("\n{\"data\": {\"x\": [1, 2]}}\n");
    assertTrue(r.error().isEmpty());
    assertEquals(2, r.data().get("x").get(1).asInt());
  }

  @Test
  void nullErrorIsSuccessAndExtraKeysAreTolerated() {
    ProtocolReply r = parse("{\"data\": 5, \"error\": null, \"timeout\": 900, \"exclusive_config_file\": null}");
    assertTrue(r.error().isEmpty());
    assertEquals(5, r.data().asInt());
    assertEquals(900, r.object().get("timeout").asInt());
  }

  @Test
  void errorIsParsedWithItsTraceback() {
    ProtocolReply r = parse("{\"data\": null, \"error\": \"RuntimeError('boom')\", \"traceback\": \"Traceback\\\\n\"}");
    assertEquals("RuntimeError", r.error().orElseThrow().name());
    assertEquals("boom", r.error().orElseThrow().message());
    assertEquals("Traceback\n", r.error().orElseThrow().traceback());
  }

  @Test
  void errorWithoutDataKeyIsStillAnError() {
    assertEquals("boom", parse("{\"error\": \"E('boom')\"}").error().orElseThrow().message());
  }

  @Test
  void malformedStdoutIsRejected() {
    assertThrows(MalformedReplyException.class, () -> parse(""));
    assertThrows(MalformedReplyException.class, () -> parse("   \n"));
    assertThrows(MalformedReplyException.class, () -> parse("hello"));
    assertThrows(MalformedReplyException.class, () -> parse("[1, 2]"));
    assertThrows(MalformedReplyException.class, () -> parse("{\"data\": 1}\n{\"data\": 2}"));
    assertThrows(MalformedReplyException.class, () -> parse("progress...\n{\"data\": 1}"));
    assertThrows(MalformedReplyException.class, () -> parse("{\"result\": 1}"));
    assertThrows(MalformedReplyException.class, () -> parse("{\"data\": 1, \"data\": 2}"));
  }
}
