package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// keyLiteral matches a translation key written as a Go string literal.
var keyLiteral = regexp.MustCompile(`"((?:sf|callback|flow|secrets|profile|seal|app|error|cli|ui)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)"`)

// notKeys are literals that look like keys but are file names.
var notKeys = regexp.MustCompile(`\.(json|png|go|toml|txt|svg|ico)$`)

// usedKeys scans the repository's non-test Go code for key literals.
func usedKeys(t *testing.T) map[string][]string {
	t.Helper()
	root := filepath.Join("..", "..")
	used := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyLiteral.FindAllStringSubmatch(string(src), -1) {
			if !notKeys.MatchString(m[1]) {
				used[m[1]] = append(used[m[1]], path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

func TestEveryUsedKeyIsTranslatedInBothLanguages(t *testing.T) {
	used := usedKeys(t)
	if len(used) < 50 {
		t.Fatalf("found only %d keys in the code; is the scan broken?", len(used))
	}
	for _, lang := range Languages {
		have := map[string]bool{}
		for _, k := range Keys(lang) {
			have[k] = true
		}
		var missing []string
		for k, where := range used {
			if !have[k] {
				missing = append(missing, k+" (used in "+where[0]+")")
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			t.Errorf("%s: missing translation %s", lang, m)
		}
	}
}

func TestNoTranslationFileHasUnusedKeys(t *testing.T) {
	used := usedKeys(t)
	for _, lang := range Languages {
		for _, k := range Keys(lang) {
			if _, ok := used[k]; !ok {
				t.Errorf("%s: key %q is not used by the code any more", lang, k)
			}
		}
	}
}

// englishInJapanese lists keys whose Japanese text may rightly be ASCII only.
var englishInJapanese = map[string]bool{
	"ui.settings.lang.en": true,
}

func TestJapaneseTextIsJapanese(t *testing.T) {
	ja, _ := loadFlat(t, Japanese)
	for k, v := range ja {
		if englishInJapanese[k] {
			continue
		}
		if !strings.ContainsFunc(v, func(r rune) bool {
			return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
		}) {
			t.Errorf("ja %s has no Japanese text: %q", k, v)
		}
	}
}

func loadFlat(t *testing.T, lang string) (map[string]string, error) {
	t.Helper()
	texts, err := allTexts(lang)
	if err != nil {
		t.Fatal(err)
	}
	return texts, nil
}

// templateField matches a field used by a go-i18n template, {{.Name}}.
var templateField = regexp.MustCompile(`\{\{[^}]*?\.([A-Za-z]+)[^}]*\}\}`)

func TestBothLanguagesUseTheSameTemplateFields(t *testing.T) {
	en, _ := loadFlat(t, English)
	ja, _ := loadFlat(t, Japanese)
	fields := func(s string) []string {
		var out []string
		for _, m := range templateField.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		sort.Strings(out)
		return slices.Compact(out)
	}
	for k, v := range en {
		if e, j := fields(v), fields(ja[k]); !slices.Equal(e, j) {
			t.Errorf("%s: en uses %v, ja uses %v", k, e, j)
		}
	}
}
