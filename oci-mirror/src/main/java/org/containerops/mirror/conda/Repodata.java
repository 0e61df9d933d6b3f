package org.containerops.mirror.conda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Streaming reading and filtered writing of {@code repodata.json}; never holds the document as a tree,
 * so a 200 MB file reads in a small heap. Stateless and thread-safe.
 */
public final class Repodata {
  /** The two package sections, in upstream's walking order ({@code repo.py:40,54-61}). */
  public static final List<String> SECTIONS = List.of("packages", "packages.conda");
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Repodata() {}

  /**
   * The records of both sections, in file order ({@code packages} first).
   *
   * @throws IOException when the stream is not a JSON object or a record lacks name/version/build
   */
  public static List<RepodataEntry> read(InputStream in) throws IOException {
    List<RepodataEntry> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(in)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (SECTIONS.contains(field) && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String file = p.currentName();
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            out.add(record(p, file));
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }

  private static RepodataEntry record(JsonParser p, String file) throws IOException {
    String name = null;
    String version = null;
    String build = null;
    String sha256 = null;
    String md5 = null;
    long buildNumber = 0;
    long size = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      switch (f) {
        case "name" -> name = p.getValueAsString();
        case "version" -> version = p.getValueAsString();
        case "build" -> build = p.getValueAsString();
        case "sha256" -> sha256 = p.getValueAsString();
        case "md5" -> md5 = p.getValueAsString();
        case "build_number" -> buildNumber = p.getValueAsLong();
        case "size" -> size = p.getValueAsLong(-1);
        default -> {
          if (v.isStructStart()) {
            p.skipChildren();
          }
        }
      }
    }
    if (name == null || version == null || build == null) {
      throw new IOException("repodata record " + file + " lacks name, version or build");
    }
    return new RepodataEntry(file, name, version, build, buildNumber, sha256, md5, size);
  }

  /**
   * Writes {@code source} with only the records whose file name passes {@code keep}, plus
   * {@code extra} records (file name to record, added to the section of their format, replacing a kept
   * record of the same name). {@code info.base_url} is dropped (consumers resolve packages relative to
   * the mirror). Other top-level fields are copied. Output: 2-space indented JSON.
   *
   * @param source a repodata.json stream, or null to start from an empty one for {@code subdir}
   */
  public static void writeFiltered(InputStream source, String subdir, Predicate<String> keep,
      Map<String, ObjectNode> extra, OutputStream out) throws IOException {
    Map<String, Map<String, ObjectNode>> extras = new TreeMap<>();
    extra.forEach((file, rec) -> extras.computeIfAbsent(
        file.endsWith(".conda") ? "packages.conda" : "packages", k -> new TreeMap<>()).put(file, rec));
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    pretty.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = JSON.createGenerator(out).setPrettyPrinter(pretty)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      Set<String> written = new java.util.HashSet<>();
      if (source != null) {
        try (JsonParser p = JSON.createParser(source)) {
          expect(p, p.nextToken(), JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            written.add(field);
            if (SECTIONS.contains(field) && t == JsonToken.START_OBJECT) {
              g.writeObjectFieldStart(field);
              Map<String, ObjectNode> add = extras.getOrDefault(field, Map.of());
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String file = p.currentName();
                p.nextToken();
                if (keep.test(file) && !add.containsKey(file)) {
                  g.writeFieldName(file);
                  g.copyCurrentStructure(p);
                } else {
                  p.skipChildren();
                }
              }
              writeRecords(g, add);
              g.writeEndObject();
            } else if ("info".equals(field) && t == JsonToken.START_OBJECT) {
              ObjectNode info = MAPPER.readTree(p);
              info.remove("base_url");
              g.writeFieldName(field);
              MAPPER.writeTree(g, info);
            } else {
              g.writeFieldName(field);
              g.copyCurrentStructure(p);
            }
          }
        }
      } else {
        g.writeObjectFieldStart("info");
        g.writeStringField("subdir", subdir);
        g.writeEndObject();
        written.add("info");
      }
      for (String section : SECTIONS) {
        if (!written.contains(section)) {
          g.writeObjectFieldStart(section);
          writeRecords(g, extras.getOrDefault(section, Map.of()));
          g.writeEndObject();
        }
      }
      if (!written.contains("repodata_version")) {
        g.writeNumberField("repodata_version", 1);
      }
      g.writeEndObject();
    }
  }

  private static void writeRecords(JsonGenerator g, Map<String, ObjectNode> records) throws IOException {
    for (Map.Entry<String, ObjectNode> r : records.entrySet()) {
      g.writeFieldName(r.getKey());
      MAPPER.writeTree(g, r.getValue());
    }
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken want) throws IOException {
    if (got != want) {
      throw new IOException("repodata: want " + want + " at " + p.currentLocation() + ", got " + got);
    }
  }
}
