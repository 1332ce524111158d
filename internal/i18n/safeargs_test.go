package i18n

import (
	"strings"
	"testing"
	"unicode"
)

// hostile is what a crafted profile file or server answer may carry: ANSI
// and window-title escapes, BEL, CR, a bidi override and NUL.
const hostile = "x\x1b[2J\x1b]0;owned\x07\rover\u202eevil\x00"

type kind string // a named string type, as Environment is

type outsideErr struct{ args map[string]any }

func (k outsideErr) Error() string               { return "keyed" }
func (k outsideErr) MessageKey() string          { return "profile.err.scope_invalid" }
func (k outsideErr) MessageArgs() map[string]any { return k.args }

// Every message built from outside values comes out with its control and
// format characters escaped, in both languages, whatever the value's type.
func TestTEscapesOutsideValues(t *testing.T) {
	for _, lang := range Languages {
		l := New(lang)
		got := map[string]string{
			"string":       l.T("cli.err.unknown_command", map[string]any{"Command": hostile}),
			"named string": l.T("cli.err.unknown_command", map[string]any{"Command": kind(hostile)}),
			"error args":   l.Error(outsideErr{map[string]any{"Scope": hostile}}),
			"slice":        l.T("cli.err.unknown_command", map[string]any{"Command": []string{hostile}}),
		}
		for what, s := range got {
			if !strings.Contains(s, `\x1b[2J`) || !strings.Contains(s, `\u202e`) {
				t.Errorf("%s %s: the value is not shown escaped: %q", lang, what, s)
			}
			for _, r := range s {
				if unicode.IsControl(r) && r != '\n' || unicode.Is(unicode.Cf, r) {
					t.Errorf("%s %s: raw %U in %q", lang, what, r, s)
					break
				}
			}
		}
	}
}

// Values that need no escaping, and non-text values, are unchanged.
func TestTKeepsOrdinaryValues(t *testing.T) {
	l := New(English)
	if s := l.T("cli.err.unknown_command", map[string]any{"Command": `本番 C:\path`}); !strings.Contains(s, `本番 C:\path`) {
		t.Errorf("ordinary value changed: %q", s)
	}
	args := map[string]any{"Max": 64, "Scope": "api"}
	_ = l.T("profile.err.scope_invalid", args)
	if args["Scope"] != "api" || args["Max"] != 64 {
		t.Errorf("T modified the caller's map: %v", args)
	}
}
