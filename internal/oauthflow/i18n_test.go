package oauthflow

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every "flow." key in the code is translated in both languages, and
// nothing else is.
func TestTranslationKeys(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`"(flow\.[a-z_.]+)"`)
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	if len(used) == 0 {
		t.Fatal("no keys found")
	}
	for _, lang := range []string{"en", "ja"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", "i18n", lang, "oauthflow.json"))
		if err != nil {
			t.Fatal(err)
		}
		tr := map[string]string{}
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for k := range used {
			if strings.TrimSpace(tr[k]) == "" {
				t.Errorf("%s: key %s is used but not translated", lang, k)
			}
		}
		for k := range tr {
			if !used[k] {
				t.Errorf("%s: key %s is not used", lang, k)
			}
		}
	}
}
