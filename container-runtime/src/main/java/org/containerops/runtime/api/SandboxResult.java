package org.containerops.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.containerops.runtime.protocol.ProtocolJson;

/**
 * A successful sandboxed operation.
 *
 * @param data the reply's {@code data} value (JSON null when the container sent null)
 * @param reply the whole reply object, including echoed extra keys
 * @param stderrTail the end of stderr (bounded, secrets masked)
 * @param elapsed wall time from container creation to removal
 */
public record SandboxResult(JsonNode data, ObjectNode reply, String stderrTail, Duration elapsed) {
  /** {@code data} as plain Java values with upstream's sets decoded ({@link ProtocolJson#toJava}). */
  public Object dataValue() {
    return ProtocolJson.toJava(data);
  }
}
