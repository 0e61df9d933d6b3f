package org.containerops.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RemoteErrorTest {

  @Test
  void reprFormIsSplitAtTheFirstOpenAndLastCloseParenthesis() {
    RemoteError e = RemoteError.parse("RuntimeError('Failed to rerender.\\noutput: x (y)')", "tb");
    assertEquals("RuntimeError", e.name());
    assertEquals("Failed to rerender.\noutput: x (y)", e.message());
    assertEquals("tb", e.traceback());
  }

  @Test
  void colonFormIsSplitAtTheFirstColon() {
    RemoteError e = RemoteError.parse("ValueError: bad value: 3", null);
    assertEquals("ValueError", e.name());
    assertEquals("bad value: 3", e.message());
    assertNull(e.traceback());
  }

  @Test
  void anythingElseIsKeptRaw() {
    RemoteError e = RemoteError.parse("it broke", null);
    assertEquals(RemoteError.UNPARSED, e.name());
    assertEquals("it broke", e.message());
  }

  @Test
  void reprWithSeveralArgumentsKeepsTheirText() {
    RemoteError e = RemoteError.parse("KeyError('a', 'b')", null);
    assertEquals("KeyError", e.name());
    assertEquals("'a', 'b'", e.message());
  }

  @Test
  void doubleQuotedReprIsUnquoted() {
    RemoteError e = RemoteError.parse("OSError(\"can't open\")", null);
    assertEquals("can't open", e.message());
  }

  @Test
  void reprRoundTripsThroughParse() {
    String message = "line one\nit's \"quoted\" \\ and\ttabbed \u0001 ü";
    RemoteError e = RemoteError.parse(RemoteError.repr("IllegalStateException", message), null);
    assertEquals("IllegalStateException", e.name());
    assertEquals(message, e.message());
  }

  @Test
  void pythonEscapesAreDecoded() {
    assertEquals("a\nb\t\\c'd\u00e9\u20ac\ud83d\ude00\u0007",
        PythonStringLiteral.unescape("a\\nb\\t\\\\c\\'d\\xe9\\u20ac\\U0001f600\\a"));
    assertEquals("\\q and \\x4", PythonStringLiteral.unescape("\\q and \\x4"));
    assertEquals("A", PythonStringLiteral.unescape("\\101"));
  }

  @Test
  void summaryIsTheNameAndFirstLine() {
    assertEquals("RuntimeError: first", new RemoteError("RuntimeError", "first\nsecond", null).summary());
  }
}
