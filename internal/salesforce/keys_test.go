package salesforce

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template"
)

var keyLiteral = regexp.MustCompile(`"(sf\.[a-z0-9_.]+)"`)

// usedKeys scans this package's non-test sources for "sf." string literals, the
// same way the project-wide translation test does.
func usedKeys(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyLiteral.FindAllStringSubmatch(string(src), -1) {
			seen[m[1]] = true
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func loadTranslations(t *testing.T, lang string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "assets", "i18n", lang, "salesforce.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s/salesforce.json: %v", lang, err)
	}
	return m
}

// argsFor returns the template data the error types give for a key's family.
func argsFor(key string) map[string]any {
	switch {
	case strings.HasPrefix(key, "sf.org."):
		return (&OrgError{}).MessageArgs()
	case strings.HasPrefix(key, "sf.url."):
		return (&URLError{}).MessageArgs()
	case key == "sf.err.api" || strings.HasPrefix(key, "sf.err.api."):
		return (&APIError{}).MessageArgs()
	case strings.HasPrefix(key, "sf.err.http."):
		return (&HTTPError{}).MessageArgs()
	case key == "sf.err.unauthorized" || key == "sf.err.bad_response":
		return map[string]any{}
	default:
		return (&OAuthError{}).MessageArgs()
	}
}

func TestTranslationsCoverExactlyTheUsedKeys(t *testing.T) {
	used := usedKeys(t)
	if len(used) < 40 {
		t.Fatalf("only %d keys found; scanner broken?", len(used))
	}
	for _, lang := range []string{"en", "ja"} {
		tr := loadTranslations(t, lang)
		for _, k := range used {
			if strings.TrimSpace(tr[k]) == "" {
				t.Errorf("%s: key %s used in code but missing or empty", lang, k)
			}
		}
		for k := range tr {
			if !slices.Contains(used, k) {
				t.Errorf("%s: key %s not used in code", lang, k)
			}
		}
	}
}

func TestTranslationsRenderWithTheirArgs(t *testing.T) {
	field := regexp.MustCompile(`\{\{[^}]*?\.([A-Za-z]+)[^}]*\}\}`)
	en, ja := loadTranslations(t, "en"), loadTranslations(t, "ja")
	for k, text := range en {
		for lang, s := range map[string]string{"en": text, "ja": ja[k]} {
			tmpl, err := template.New(k).Option("missingkey=error").Parse(s)
			if err != nil {
				t.Errorf("%s %s: %v", lang, k, err)
				continue
			}
			if err := tmpl.Execute(io.Discard, argsFor(k)); err != nil {
				t.Errorf("%s %s: %v", lang, k, err)
			}
		}
		fields := func(s string) []string {
			var out []string
			for _, m := range field.FindAllStringSubmatch(s, -1) {
				out = append(out, m[1])
			}
			slices.Sort(out)
			return slices.Compact(out)
		}
		if e, j := fields(text), fields(ja[k]); !slices.Equal(e, j) {
			t.Errorf("%s: en uses %v, ja uses %v", k, e, j)
		}
	}
}
