package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Jinja2 semantics as upstream uses them; expectations are Jinja2 3.1 (StrictUndefined, do) results. */
class TemplateRendererTest {
  @TempDir Path tmp;

  private String render(String template, Map<String, Object> config) throws IOException {
    Files.writeString(tmp.resolve("Dockerfile.template"), template);
    DockerPkgConfig c = ConfigLoader.merge(Map.of(), config);
    return new TemplateRenderer(c, List.of("reg/base:1.0")).render("t", tmp).text();
  }

  private String render(String template) throws IOException {
    return render(template, Map.of());
  }

  /** Ported from upstream tests/test_builder.py:331: both fixtures render this exact text. */
  @Test
  void upstreamVersionFixturesRenderTheUpstreamVersion() {
    ImageTree tree = new ImageScanner(1, DockerPkgListener.NONE).scan(TestImages.upstreamFixtures(tmp));
    DockerPkgConfig c = ConfigLoader.defaultConfig();
    TemplateRenderer r = new TemplateRenderer(c, tree.knownImages(c));
    for (String name : List.of("upstream-version", "upstream-version-extended")) {
      assertEquals("ARG UPSTREAM_VERSION=1.63.0\n", r.render(name, tree.find(name).orElseThrow().dir()).text());
    }
    RenderedDockerfile server = r.render("foobar-server", tree.find("foobar-server").orElseThrow().dir());
    assertEquals("FROM foo-bar:0.0.1", server.text());
    assertEquals(List.of("foo-bar"), server.imageReferences());
  }

  static Stream<Arguments> semantics() {
    return Stream.of(
        Arguments.of("{{ username }}", "None"),
        Arguments.of("{{ base_images }}", "[]"),
        Arguments.of("{{ known_uid_mappings }}", "{'root': 0, 'www-data': 33, 'nobody': 65534}"),
        Arguments.of("{{ force_numeric_user }}", "False"),
        Arguments.of("{% if http_proxy %}p{% else %}n{% endif %}", "n"),
        Arguments.of("{% set x = 'a' ~ 1 %}{{ x }}", "a1"),
        Arguments.of("{% set l = [] %}{% do l.append('z') %}{{ l | join(',') }}", "z"),
        Arguments.of("{% set p|replace('\\n', ' ') -%}\na\nb\n{%- endset -%}\n{{ p }}", "a b"),
        Arguments.of("{% if true %}{% set m = 'in' %}{% endif %}{{ m }}", "in"),
        Arguments.of("{{ x is defined }}", "False"),
        Arguments.of("{{ x | default('d') }}", "d"),
        Arguments.of("{{ username is none }}", "True"),
        Arguments.of("{{ ['a', 'b'] | join(' ') }}", "a b"),
        Arguments.of("{{- ' x ' -}}  \n", " x "),
        Arguments.of("{# c #}{{ \"base\" | image_tag }}", "reg/base:1.0"),
        Arguments.of("{{ 'abc'.startswith('a') }} {{ 'abc'.endswith('x') }}", "True False"),
        Arguments.of("{{ '1.22.3'.split('.')[0] }}|{{ 'a  b '.split() | join(',') }}|{{ 'a.b.c'.split('.', 1)[1] }}", "1|a,b|b.c"),
        Arguments.of("{{ 'Ab'.upper() }}{{ 'Ab'.lower() }}[{{ ' x '.strip() }}]{{ 'xxyxx'.strip('x') }}", "ABab[x]y"),
        Arguments.of("{{ '{}-{1}-{{'.format('a', 2) }}", "a-2-{"),
        Arguments.of("{{ known_uid_mappings.get('root') }} {{ known_uid_mappings.get('zz') }} {{ known_uid_mappings.get('zz', 7) }}", "0 None 7"),
        Arguments.of("{{ 'a-b'.replace('-', '_') }}", "a_b"));
  }

  @ParameterizedTest
  @MethodSource("semantics")
  void jinja2Semantics(String template, String expected) throws IOException {
    assertEquals(expected, render(template, Map.of("registry", "reg")));
  }

  @Test
  void noTrailingNewlineButInnerOnesStay() throws IOException {
    assertEquals("a\n\nb\n", render("a\n\nb\n\n"));
    assertEquals("a", render("a\n"));
  }

  @Test
  void customKeysAreTemplateVariables() throws IOException {
    assertEquals("FROM seed:1", render("FROM {{ seed_image }}", Map.of("seed_image", "seed:1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ missing }}", "{% if missing %}x{% endif %}", "{{ missing ~ 'a' }}",
      "{{ registry.nope }}", "{{ 'nope' | image_tag }}", "{{ 'ghost' | add_user }}", "{% if %}"})
  void errorsFailTheRenderNamingTheTemplate(String template) {
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> render("FROM x\n" + template));
    assertEquals(DockerPkgException.Reason.RENDER, e.reason());
    assertTrue(e.getMessage().startsWith(tmp.resolve("Dockerfile.template") + ":"), e.getMessage());
  }

  @Test
  void messagesAreUpstreams() {
    DockerPkgException undefined = assertThrows(DockerPkgException.class, () -> render("{{ missing }}"));
    assertTrue(undefined.getMessage().endsWith("'missing' is undefined"), undefined.getMessage());
    DockerPkgException notFound = assertThrows(DockerPkgException.class, () -> render("{{ 'nope' | image_tag }}"));
    assertTrue(notFound.getMessage().contains("Image nope not found, or it has no tag"), notFound.getMessage());
  }

  @Test
  void unknownUidIsAWarning() throws IOException {
    Files.writeString(tmp.resolve("Dockerfile.template"), "USER {{ 'somebody' | uid }}");
    RenderedDockerfile r = new TemplateRenderer(ConfigLoader.defaultConfig(), List.of()).render("t", tmp);
    assertEquals("USER somebody", r.text());
    assertEquals(List.of("UID mapping for user somebody not found"), r.warnings());
  }

  @Test
  void includesResolveInTheImageDirectory() throws IOException {
    Files.writeString(tmp.resolve("part"), "RUN {{ 'x' }}\n");
    assertEquals("FROM a\nRUN x", render("FROM a\n{% include 'part' %}\n"));
  }

  @Test
  void doDoesNotLeakIntoTheNextRender() throws IOException {
    Files.writeString(tmp.resolve("Dockerfile.template"), "{% do base_images.append('x') %}{{ base_images | length }}");
    TemplateRenderer r = new TemplateRenderer(ConfigLoader.defaultConfig(), List.of());
    assertEquals("1", r.render("t", tmp).text());
    assertEquals("1", r.render("t", tmp).text());
  }
}
