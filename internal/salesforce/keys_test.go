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
	case strings.HasPrefix(key, "sf.cred."):
		return (&CredentialError{}).MessageArgs()
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
