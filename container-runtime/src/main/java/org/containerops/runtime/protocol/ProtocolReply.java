package org.containerops.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * One container reply: stdout holding exactly one JSON object with {@code data} and optionally
 * {@code error} and {@code traceback}; other top-level keys are tolerated (upstream echoes the
 * operation's arguments, {@code conda_forge_feedstock_ops/__main__.py:73-113}).
 *
 * <p>Differences from upstream ({@code container_utils.py:180-241}): {@code "error": null} means
 * success (upstream treats the mere presence of the key as failure), and a reply without an error must
 * carry a {@code data} key (upstream raises {@code KeyError}).
 *
 * @param object the whole reply object
 * @param data the {@code data} value; a JSON null node when the key holds null or, on error, is absent
 * @param error the parsed remote error, empty on success
 */
public record ProtocolReply(ObjectNode object, JsonNode data, Optional<RemoteError> error) {

  /**
   * Parses a container's stdout.
   *
   * @param stdout the raw bytes (UTF-8)
   * @return the reply
   * @throws MalformedReplyException when stdout is not exactly one JSON object, or has no {@code data}
   *     key and no error
   */
  public static ProtocolReply parse(byte[] stdout) {
    JsonNode root;
    try {
      root = ProtocolJson.readTree(stdout);
    } catch (IOException e) {
      throw new MalformedReplyException("stdout is not one JSON object: " + firstLine(e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedReplyException("stdout is empty, expected one JSON object");
    }
    if (!root.isObject()) {
      throw new MalformedReplyException("stdout is JSON " + root.getNodeType().name().toLowerCase()
          + ", expected one JSON object");
    }
    ObjectNode object = (ObjectNode) root;
    JsonNode error = object.get("error");
    Optional<RemoteError> remote = error == null || error.isNull()
        ? Optional.empty()
        : Optional.of(RemoteError.of(error, object.get("traceback")));
    JsonNode data = object.get("data");
    if (data == null) {
      if (remote.isEmpty()) {
        throw new MalformedReplyException("stdout JSON object has no \"data\" key");
      }
      data = ProtocolJson.mapper().nullNode();
    }
    return new ProtocolReply(object, data, remote);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** stdout that does not follow the protocol. */
  public static final class MalformedReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String message) {
      super(message);
    }
  }
}
