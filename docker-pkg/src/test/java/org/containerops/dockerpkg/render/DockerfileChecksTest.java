package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ported from upstream tests/test_dockerfile.py:6. */
class DockerfileChecksTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "FROM x\\nUSER 123; true",
      "FROM x\\nUSER 123:12; true",
      "FROM x\\nUSER root; false",
      "FROM x\\nUSER root\\nRUN a\\nUSER 65534; true",
      "FROM x\\nUSER 1\\nUSER nobody; false",
      "FROM x\\nRUN a; true",
      "FROM x\\nUSER 12a; false",
  })
  void lastUserLineWins(String dockerfile, boolean numeric) {
    assertEquals(numeric, DockerfileChecks.hasNumericUser(dockerfile.replace("\\n", "\n")));
  }
}
