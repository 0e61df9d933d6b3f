package org.containerops.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON codec used on both sides of the container protocol.
 *
 * <p>Output follows upstream {@code conda_forge_feedstock_ops/json.py:33-42} (orjson with
 * {@code OPT_SORT_KEYS | OPT_INDENT_2}): keys sorted, two-space indentation, {@code ": "} between key
 * and value, {@code {}} and {@code []} for empty containers, UTF-8 without escaping non-ASCII, and a
 * final newline. A {@link Set} is written as {@code {"__set__": true, "elements": [sorted]}}
 * ({@code json.py:13-23}) and such objects are decoded back into sets, depth first ({@code :53-73}).
 *
 * <p>Thread-safe; all methods are static.
 */
public final class ProtocolJson {
  /** Key that marks an encoded set. */
  public static final String SET_MARKER = "__set__";
  /** Key holding an encoded set's elements. */
  public static final String SET_ELEMENTS = "elements";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .addModule(new SimpleModule("containerops-sets").addSerializer(new SetSerializer()))
      .build();

  private static final DefaultPrettyPrinter PRINTER = orjsonIndent2();

  private ProtocolJson() {}

  /** The shared mapper (sets encoded, keys sorted). Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Encodes a value as upstream's {@code dumps} does: sorted keys, indent 2, trailing newline.
   *
   * @param value maps, lists, sets, strings, numbers, booleans, null, records or {@link JsonNode}s
   * @return UTF-8 text ending in {@code \n}
   */
  public static String dumps(Object value) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode value as JSON: " + e.getMessage(), e);
    }
  }

  /** {@link #dumps(Object)} as UTF-8 bytes. */
  public static byte[] dumpsBytes(Object value) {
    return dumps(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses exactly one JSON value (leading and trailing whitespace allowed).
   *
   * @throws IOException when the text is not one well-formed JSON value
   */
  public static JsonNode readTree(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /**
   * Parses JSON and decodes encoded sets, like upstream's {@code loads}.
   *
   * @return {@code Map} (insertion-ordered), {@code List}, {@code Set}, {@code String}, {@code Number},
   *     {@code Boolean} or {@code null}
   * @throws IOException when the text is not one well-formed JSON value
   */
  public static Object loads(String json) throws IOException {
    return toJava(readTree(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Converts a tree into plain Java values, decoding {@code {"__set__": true, "elements": [...]}}
   * into a {@link LinkedHashSet} (element order kept).
   */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      if (isEncodedSet(node)) {
        Set<Object> set = new LinkedHashSet<>();
        node.get(SET_ELEMENTS).forEach(e -> set.add(toJava(e)));
        return set;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        map.put(f.getKey(), toJava(f.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(e -> list.add(toJava(e)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.numberValue();
  }

  /** True for an object of the form {@code {"__set__": true, "elements": [...]}}. */
  public static boolean isEncodedSet(JsonNode node) {
    return node.isObject()
        && node.path(SET_MARKER).asBoolean(false)
        && node.path(SET_MARKER).isBoolean()
        && node.path(SET_ELEMENTS).isArray();
  }

  private static DefaultPrettyPrinter orjsonIndent2() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  /** Writes a set as upstream's {@code {"__set__": true, "elements": sorted(s)}}. */
  @SuppressWarnings("rawtypes")
  private static final class SetSerializer extends StdSerializer<Set> {
    SetSerializer() {
      super(Set.class);
    }

    @Override
    public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      List<Object> elements = new ArrayList<>();
      for (Object e : value) {
        elements.add(e);
      }
      elements.sort(ELEMENT_ORDER);
      gen.writeStartObject();
      gen.writeBooleanField(SET_MARKER, true);
      gen.writeFieldName(SET_ELEMENTS);
      provider.defaultSerializeValue(elements, gen);
      gen.writeEndObject();
    }
  }

  /** Python's {@code sorted}: strings by code point, numbers numerically, otherwise by text. */
  private static final Comparator<Object> ELEMENT_ORDER = (a, b) -> {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return compareCodePoints(String.valueOf(a), String.valueOf(b));
  };

  /** Compares strings by Unicode code point, as Python does (Java compares UTF-16 units). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** An empty object node from the shared mapper. */
  public static ObjectNode objectNode() {
    return MAPPER.createObjectNode();
  }

  /** An empty array node from the shared mapper. */
  public static ArrayNode arrayNode() {
    return MAPPER.createArrayNode();
  }
}
