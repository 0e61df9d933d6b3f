package org.containerops.mirror.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagCodecTest {

  @Test
  void encodesPlusBangAndEqualsAsUpstreamTable() {
    assertEquals("2.4.3__p__10.3-0", TagCodec.encode("2.4.3+10.3-0"));
    assertEquals("1__e__2.0-h1_0", TagCodec.encode("1!2.0-h1_0"));
    assertEquals("1.0-py__eq__3_0", TagCodec.encode("1.0-py=3_0"));
    assertEquals("0.10.4-h431234_0", TagCodec.encode("0.10.4-h431234_0"));
  }

  @Test
  void decodesInUpstreamOrderIncludingItsNonInjectiveCase() {
    assertEquals("2.4.3+10.3-0", TagCodec.decode("2.4.3__p__10.3-0"));
    assertEquals("1!2.0=a-0", TagCodec.decode("1__e__2.0__eq__a-0"));
    assertEquals("1.0-a!b", TagCodec.decode("1.0-a__e__b"), "upstream's known ambiguity is kept");
  }

  @Test
  void underscoreNamesGetTheZzzPrefix() {
    assertEquals("zzz_libgcc_mutex", TagCodec.repositoryComponent("_libgcc_mutex"));
    assertEquals("zzz__anaconda_core_depends", TagCodec.repositoryComponent("__anaconda_core_depends"));
    assertEquals("zlib", TagCodec.repositoryComponent("zlib"));
    assertTrue(TagCodec.isLegalRepositoryComponent("zzz__anaconda_core_depends"));
    assertFalse(TagCodec.isLegalRepositoryComponent("_libgcc_mutex"));
  }

  @Test
  void illegalTagsAfterEncodingAreDetected() {
    assertFalse(TagCodec.isLegalTag(TagCodec.encode("1.0 beta-0")));
    assertFalse(TagCodec.isLegalTag(TagCodec.encode("1.*-0")));
    assertFalse(TagCodec.isLegalTag(TagCodec.encode("1.0~rc1-0")));
    assertFalse(TagCodec.isLegalTag("1".repeat(129)));
    assertTrue(TagCodec.isLegalTag("1".repeat(128)));
    assertFalse(TagCodec.isLegalTag(".1-0"), "a tag cannot start with a dot");
  }

  /**
   * Property: over many conda-like version-build strings, the encoded tag is legal or reported illegal,
   * and when no upstream marker can be formed (no {@code _}, {@code p}, {@code e}, {@code q} next to
   * encoded characters) decoding restores the string.
   */
  @Test
  void roundTripsOrReportsOverManyGeneratedVersions() {
    Random random = new Random(42);
    String markerFree = "0123456789abcdfghijklmnorstuvwxyzABC.+!=-";
    String any = markerFree + "_epq~*% ";
    List<String> samples = new ArrayList<>(List.of("1.2.3-py310h06a4308_0", "2022a-h191b570_0", "1!0.4.0.dev0-0",
        "3.0+local.1-0", "1.0_1-r42hc72bb7e_1", "2.4.3+10.3-0", "1.0=x-0"));
    int legal = 0;
    int roundTrips = 0;
    for (int i = 0; i < 6000; i++) {
      String alphabet = i % 2 == 0 ? markerFree : any;
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int j = 0; j < n; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String vb = s + "-h" + Integer.toHexString(random.nextInt());
      String tag = TagCodec.encode(vb);
      boolean grammar = tag.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
      assertEquals(grammar, TagCodec.isLegalTag(tag), tag);
      legal += grammar ? 1 : 0;
      if (alphabet == markerFree || vb.chars().noneMatch(c -> "_epq".indexOf(c) >= 0)) {
        assertEquals(vb, TagCodec.decode(tag), vb);
        roundTrips++;
      }
    }
    for (String vb : samples) {
      assertTrue(TagCodec.isLegalTag(TagCodec.encode(vb)), vb);
      assertEquals(vb, TagCodec.decode(TagCodec.encode(vb)), vb);
    }
    assertTrue(legal > 100 && legal < 6000, "both outcomes exercised: " + legal);
    assertTrue(roundTrips >= 3000, "round trips checked: " + roundTrips);
  }

  @Test
  void upstreamDecodingIsNotInjectiveSoPresenceComparesEncodedTags() {
    // "!p!" encodes to "__e__p__e__", which contains "__p__": decoding cannot restore it
    assertEquals("1__e__p__e__0-0", TagCodec.encode("1!p!0-0"));
    assertEquals("1__e+e__0-0", TagCodec.decode(TagCodec.encode("1!p!0-0")));
  }
}
