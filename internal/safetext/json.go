package safetext

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON rewrites valid JSON text so that every character Line would escape
// is written as a \u escape, except the line feeds, tabs and CRs that JSON
// allows between tokens (inside strings encoding/json escapes them). The
// document means exactly the same, but printed to a terminal (an export
// written to stdout, a file shown with cat) it acts on nothing:
// encoding/json already escapes C0 controls, but passes DEL, C1 controls and
// bidi overrides through raw. Outside strings JSON has only ASCII, so every
// rewritten character is inside a string.
func JSON(b []byte) []byte {
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			out = append(out, byte(r))
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...) // as encoding/json does with invalid UTF-8
		case unsafeRune(r) && r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
		case unsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}
