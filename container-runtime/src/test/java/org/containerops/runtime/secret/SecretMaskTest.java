package org.containerops.runtime.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void explicitSecretsAndSensitiveEnvValuesAreMasked() {
    SecretMask mask = SecretMask.of(List.of("hunter2-long"), Map.of("GH_TOKEN", "ghp_abcdef", "HOME", "/root"));
    assertEquals("pw=**** token ****, home /root", mask.mask("pw=hunter2-long token ghp_abcdef, home /root"));
  }

  @Test
  void shortSensitiveValuesAreMaskedAsAssignmentsOnly() {
    SecretMask mask = SecretMask.of(List.of(), Map.of("API_KEY", "ab"));
    assertEquals("API_KEY=**** and about", mask.mask("API_KEY=ab and about"));
  }

  @Test
  void urlPasswordsAreMaskedEvenWithoutBeingDeclared() {
    assertEquals("proxy http://bob:****@proxy:3128/ ok",
        SecretMask.none().mask("proxy http://bob:s3cret@proxy:3128/ ok"));
  }

  @Test
  void longLinesWithoutSpacesAreMaskedInLinearTime() {
    String run = "x".repeat(200_000);
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      assertEquals(run, SecretMask.none().mask(run));
      assertEquals(run + "https://u:****@h", SecretMask.none().mask(run + "https://u:pw@h"));
      assertEquals(run + " https://u:****@h", SecretMask.none().mask(run + " https://u:pw@h"));
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 2_000, "20 x 3 lines of 200 000 characters took " + ms + " ms");
  }

  @Test
  void longerSecretsAreReplacedFirst() {
    SecretMask mask = SecretMask.of(List.of("abcd", "abcdefgh"), Map.of());
    assertEquals("****", mask.mask("abcdefgh"));
  }

  @Test
  void sensitiveNamesAreRecognised() {
    assertTrue(SecretMask.isSensitiveName("ORAS_PASS"));
    assertTrue(SecretMask.isSensitiveName("AWS_SECRET_ACCESS_KEY"));
    assertTrue(SecretMask.isSensitiveName("github_token"));
    assertFalse(SecretMask.isSensitiveName("PATH"));
    assertFalse(SecretMask.isSensitiveName("CF_FEEDSTOCK_OPS_IN_CONTAINER"));
  }
}
