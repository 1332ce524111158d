package fonts_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	"golang.org/x/text/encoding/japanese"

	"github.com/sfconnect/sfconnect/assets"
	"github.com/sfconnect/sfconnect/assets/fonts"
)

// bundledFaces parses the bundled fonts as Fyne's text stack does.
func bundledFaces(t *testing.T) map[string]*font.Face {
	t.Helper()
	faces := map[string]*font.Face{}
	for name, data := range map[string][]byte{"Regular": fonts.Regular, "Bold": fonts.Bold} {
		f, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("parse the bundled %s font: %v", name, err)
		}
		faces[name] = f
	}
	return faces
}

// missing lists the runes of text that face has no glyph for.
func missing(face *font.Face, text string) string {
	var out []rune
	for _, r := range text {
		if r == '\n' || r == '\t' {
			continue
		}
		if _, ok := face.NominalGlyph(r); !ok && !strings.ContainsRune(string(out), r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// TestBundledFontCoversTranslations: every character of every translated
// text has a glyph in both weights, so no text of the app depends on the
// fonts Windows happens to have. (scripts/make-font.sh adds the characters
// of the translations; re-run it when a new one appears.)
func TestBundledFontCoversTranslations(t *testing.T) {
	faces := bundledFaces(t)
	err := fs.WalkDir(assets.I18n, "i18n", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.I18n, path)
		if err != nil {
			return err
		}
		var texts map[string]string
		if err := json.Unmarshal(data, &texts); err != nil {
			return err
		}
		for key, text := range texts {
			for weight, face := range faces {
				if m := missing(face, text); m != "" {
					t.Errorf("%s %s: the bundled %s font has no glyph for %q (run scripts/make-font.sh)", path, key, weight, m)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBundledFontCoversJIS: names and memos an admin types render too:
// all of JIS X 0208 (kana, symbols, level 1 and level 2 kanji) and the
// IBM extension kanji common in names, in both weights.
func TestBundledFontCoversJIS(t *testing.T) {
	var b strings.Builder
	dec := japanese.EUCJP.NewDecoder()
	for row := 1; row <= 84; row++ {
		for cell := 1; cell <= 94; cell++ {
			s, err := dec.Bytes([]byte{byte(0xa0 + row), byte(0xa0 + cell)})
			// U+2252 ≒ is missing from Noto Sans CJK JP itself.
			if err == nil && !bytes.ContainsRune(s, '\uFFFD') && string(s) != "≒" {
				b.Write(s)
			}
		}
	}
	jis := b.String()
	if n := len([]rune(jis)); n < 6800 {
		t.Fatalf("decoded only %d JIS X 0208 characters", n)
	}
	names := "髙﨑德栁瀨" // as in 髙橋, 山﨑: Windows code page 932 IBM extensions
	for weight, face := range bundledFaces(t) {
		if m := missing(face, jis+names); m != "" {
			t.Errorf("the bundled %s font misses %d JIS characters: %q", weight, len([]rune(m)), m)
		}
	}
}
