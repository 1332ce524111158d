package i18n

import (
	"strings"
	"testing"
)

// areaOf names the file a key belongs in: the area file of the package
// that owns the text (docs/ARCHITECTURE.md, "Translations and errors").
func areaOf(key string) string {
	if strings.HasPrefix(key, "app.net.") || strings.HasPrefix(key, "app.preflight.") {
		return "network.json" // the corporate network: netproxy's errors, app's preflight
	}
	prefix, _, _ := strings.Cut(key, ".")
	return map[string]string{
		"sf": "salesforce.json", "callback": "callback.json", "flow": "oauthflow.json",
		"secrets": "secrets.json", "profile": "profile.json", "seal": "seal.json",
		"app": "app.json", "error": "app.json", "cli": "cli.json", "ui": "ui.json",
	}[prefix]
}

func TestEveryKeyIsInItsAreaFile(t *testing.T) {
	for _, lang := range Languages {
		texts, err := allTexts(lang)
		if err != nil {
			t.Fatal(err)
		}
		c := catalogs[lang]
		c.mu.Lock()
		for key := range texts {
			if want, got := areaOf(key), c.file[key]; got != want {
				t.Errorf("%s: %s is in %s, belongs in %s", lang, key, got, want)
			}
		}
		c.mu.Unlock()
	}
}
