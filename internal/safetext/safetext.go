// Package safetext makes text that comes from outside sfconnect (a profile
// file, a Salesforce answer, a request to the callback, the command line)
// safe to show on a terminal, in a log or in a window: control characters
// and invisible format characters are shown as escapes such as \x1b or
// \u202e instead of acting. A terminal would obey ESC sequences, CR and BEL;
// bidirectional overrides (U+202E) reorder what a reader sees; NUL cuts
// strings in C libraries.
//
// Everything else, including Japanese text and emoji, is kept as it is.
package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line returns s with every control character (line breaks and tabs too),
// format character and line or paragraph separator escaped, and each byte
// of invalid UTF-8 shown as \xNN. Zero-width joiners (U+200C, U+200D) stay:
// emoji and some scripts need them, and they move nothing.
func Line(s string) string { return escape(s, false) }

// Text is Line for text that may span lines, such as a memo: line feeds
// and tabs stay, a CR LF pair becomes a line feed, and everything else that
// Line escapes is escaped.
func Text(s string) string { return escape(strings.ReplaceAll(s, "\r\n", "\n"), true) }

// Safe reports whether Line would return s unchanged.
func Safe(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError && !validAt(s, i) || unsafeRune(r) {
			return false
		}
	}
	return true
}

func escape(s string, multiline bool) string {
	if Safe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case multiline && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r) && r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports the characters Line escapes.
func unsafeRune(r rune) bool {
	switch {
	case r == 0x200c || r == 0x200d: // zero-width non-joiner and joiner
		return false
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return true
	case unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r): // U+2028, U+2029
		return true
	}
	return false
}

// validAt reports whether the U+FFFD decoded at s[i] was really in s, as
// opposed to an invalid byte that range decoding turned into it.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}
