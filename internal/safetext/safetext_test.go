package safetext

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// hostile holds what a crafted file or server answer may carry: an ANSI
// colour and a window-title escape (ESC ... BEL), a carriage return that
// overwrites the line, a bidi override, NUL, a C1 CSI and a line separator.
const hostile = "ok\x1b[31mred\x1b]0;title\x07\rover\u202eevil\x00\u009b2J\u2028end"

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"acme 本番 ✓ 👩‍💻", "acme 本番 ✓ 👩‍💻"}, // Japanese and a ZWJ emoji stay
		{`C:\Users\admin`, `C:\Users\admin`},
		{"a\nb\tc\rd", `a\nb\tc\rd`},
		{"esc\x1b[2J", `esc\x1b[2J`},
		{"bel\x07nul\x00del\x7f", `bel\x07nul\x00del\x7f`},
		{"rtl\u202eoverride\u2066isolate", `rtl\u202eoverride\u2066isolate`},
		{"c1\u009bx", `c1\u009bx`},
		{"zw\u200bspace\ufeffbom", `zw\u200bspace\ufeffbom`},
		{"sep\u2028\u2029", `sep\u2028\u2029`},
		{"tag\U000E0001", `tag\U000e0001`},
		{"bad\xff\xfeutf8", `bad\xff\xfeutf8`},
		{"real \ufffd stays", "real \ufffd stays"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if Safe(tt.in) != (tt.in == tt.want) {
			t.Errorf("Safe(%q) = %v", tt.in, Safe(tt.in))
		}
	}
}

func TestText(t *testing.T) {
	in := "line one\r\nline\ttwo\n\x1b[2Jthree\rfour\u202e"
	want := "line one\nline\ttwo\n\\x1b[2Jthree\\rfour\\u202e"
	if got := Text(in); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// assertInert fails when s holds a character a terminal or a bidi-aware
// renderer would act on.
func assertInert(t *testing.T, what, s string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s is not valid UTF-8: %q", what, s)
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d) || r == 0x2028 || r == 0x2029 {
			t.Errorf("%s holds %U: %q", what, r, s)
		}
	}
}

func TestReplaceAttrEscapesEveryValue(t *testing.T) {
	for name, h := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler {
			return slog.NewTextHandler(b, &slog.HandlerOptions{ReplaceAttr: ReplaceAttr})
		},
		"json": func(b *bytes.Buffer) slog.Handler {
			return slog.NewJSONHandler(b, &slog.HandlerOptions{ReplaceAttr: ReplaceAttr})
		},
	} {
		var b bytes.Buffer
		log := slog.New(h(&b))
		log.Info("msg "+hostile, "s", hostile, "err", errors.New(hostile), "list", []string{hostile},
			slog.Group("g", "inner", hostile))
		out := strings.TrimSuffix(b.String(), "\n")
		assertInert(t, name+" log line", out, false)
		if !strings.Contains(out, `\u202e`) {
			t.Errorf("%s: the escape is missing: %s", name, out)
		}
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", hostile, "本番\r\n", "\xff", "\ufffd", "a\u200db", `\x1b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line, text := Line(s), Text(s)
		assertInert(t, "Line", line, false)
		assertInert(t, "Text", text, true)
		if Safe(s) != (line == s) {
			t.Fatalf("Safe(%q) = %v but Line gives %q", s, Safe(s), line)
		}
		if !Safe(line) || Line(line) != line {
			t.Fatalf("Line is not stable: %q -> %q -> %q", s, line, Line(line))
		}
		raw, _ := json.Marshal(s)
		var back string
		if err := json.Unmarshal(JSON(raw), &back); err != nil || (utf8.ValidString(s) && back != s) {
			t.Fatalf("JSON(%s) = %s reads back as %q, %v", raw, JSON(raw), back, err)
		}
		assertInert(t, "JSON", string(JSON(raw)), false)
	})
}

func TestJSONMeansTheSameAndShowsNothingThatActs(t *testing.T) {
	in := map[string]string{"memo": hostile + "\x7f本番\U000E0001", "plain": "acme"}
	raw, err := json.MarshalIndent(in, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	out := JSON(raw)
	assertInert(t, "JSON", string(out), true)
	if !strings.Contains(string(out), "\n\t\"memo\"") {
		t.Errorf("the indentation changed:\n%s", out)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("the rewritten JSON does not parse: %v\n%s", err, out)
	}
	if back["memo"] != in["memo"] || back["plain"] != "acme" {
		t.Errorf("the rewritten JSON means something else: %q", back)
	}
	if plain := []byte(`{"a":"本番"}`); string(JSON(plain)) != string(plain) {
		t.Error("safe JSON was changed")
	}
}
