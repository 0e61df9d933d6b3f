package org.containerops.tagging.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.tagger.FakeRunner;
import org.junit.jupiter.api.Test;

class ManifestTextTest {
  @Test
  void quotedOutputStripsOuterNewlinesAndTrailingSpacesKeepsLeadingSpaces() {
    FakeRunner r = new FakeRunner(Map.of("mamba info", "\n\n   a : 1   \n  \t\n b\n"));
    assertEquals("`mamba info`:\n\n```text\n   a : 1\n\n b\n```", QuotedOutput.of(r, "mamba info"));
  }

  @Test
  void emptyQuotedOutputIsAnError() {
    TaggingException e = assertThrows(TaggingException.class,
        () -> QuotedOutput.of(new FakeRunner(Map.of("x", "\n\n")), "x"));
    assertEquals(TaggingException.Reason.EMPTY_OUTPUT, e.reason());
    assertEquals("Command `x` returned empty output in fake/image", e.getMessage());
  }

  @Test
  void markdownPieceNeedsALevelTwoTitleAndJoinsWithBlankLines() {
    assertThrows(IllegalArgumentException.class, () -> new MarkdownPiece("# T", List.of()));
    assertEquals("## T\n\na\n\nb", new MarkdownPiece("## T", List.of("a", "b")).text());
  }

  @Test
  void timestampIsAlwaysTwentyCharactersEvenOnWholeSeconds() {
    assertEquals("2026-11-22T02:14:00Z", BuildInfo.timestamp(Instant.parse("2026-11-22T02:14:00Z")));
    assertEquals("2026-11-22T02:14:12Z", BuildInfo.timestamp(Instant.parse("2026-11-22T02:14:12.999999Z")));
  }

  @Test
  void imageSizeFollowsDockersHumanSizeWithPrecision3() {
    assertEquals("363MB", ImageSize.human(363_000_000L));
    assertEquals("1.23GB", ImageSize.human(1_234_567_890L));
    assertEquals("117MB", ImageSize.human(116_870_000L));
    assertEquals("1e+03kB", ImageSize.human(999_999L)); // Go %.3g of 999.999
    assertEquals("999B", ImageSize.human(999L));
    assertEquals("1.5kB", ImageSize.human(1500L));
    assertEquals("0B", ImageSize.human(0L));
  }

  @Test
  void buildInfoKeepsAMultiLineMessage() {
    GitInfo g = new GitInfo("8209386950497966c8a9aa446b9a84a5dd78eab5", "Subject\n\nBody line\n");
    String text = new BuildInfo("quay.io", "jupyter", "base-notebook", "jupyter/docker-stacks",
        "2026-11-22T02:14:12Z", "363MB", g).piece().text();
    assertEquals("## Build Info\n\n- Build timestamp: 2026-11-22T02:14:12Z\n"
        + "- Docker image: `quay.io/jupyter/base-notebook:820938695049`\n- Docker image size: 363MB\n"
        + "- Git commit SHA: [8209386950497966c8a9aa446b9a84a5dd78eab5](https://github.com/jupyter/docker-stacks/commit/"
        + "8209386950497966c8a9aa446b9a84a5dd78eab5)\n- Git commit message:\n\n```text\nSubject\n\nBody line\n```", text);
  }
}
