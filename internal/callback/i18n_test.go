package callback

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func loadTranslations(t *testing.T, lang string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "assets", "i18n", lang, "callback.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	return m
}

// The built-in page says exactly what the translation files say.
func TestBuiltinPageMatchesTranslations(t *testing.T) {
	ja, en := loadTranslations(t, "ja"), loadTranslations(t, "en")
	for key, text := range builtinText {
		if text[0] != ja[key] || text[1] != en[key] {
			t.Errorf("%s: built-in text differs from callback.json", key)
		}
	}
	outcomes := []struct {
		r   Result
		err error
	}{
		{Result{Code: "c"}, nil}, {Result{Error: "access_denied"}, nil}, {Result{}, ErrAlreadyCompleted},
		{Result{}, ErrStateMismatch}, {Result{}, ErrNotCallback}, {Result{}, ErrClosed},
	}
	var keys []string
	for _, o := range outcomes {
		_, key := PageMessage(o.r, o.err)
		keys = append(keys, key)
		if _, ok := builtinText[key]; !ok {
			t.Errorf("no built-in text for %s", key)
		}
		_, body := BuiltinPage(o.r, o.err)
		if strings.Contains(string(body), "<script") {
			t.Errorf("%s: page has a script", key)
		}
	}
	slices.Sort(keys)
	if len(slices.Compact(keys)) != len(builtinText) {
		t.Errorf("outcomes map to %v; every built-in text should be reachable", keys)
	}
}
