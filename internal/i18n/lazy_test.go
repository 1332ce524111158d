package i18n

import (
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// openLog is an fs.FS that records which files were opened.
type openLog struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (o *openLog) Open(name string) (fs.File, error) {
	o.mu.Lock()
	o.opened = append(o.opened, name)
	o.mu.Unlock()
	return o.FS.Open(name)
}

func (o *openLog) files() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []string
	for _, n := range o.opened {
		if strings.HasSuffix(n, ".json") {
			out = append(out, n)
		}
	}
	return out
}

// useFiles points the package at files for one test, with nothing loaded yet.
func useFiles(t *testing.T, files fstest.MapFS) *openLog {
	t.Helper()
	log := &openLog{FS: files}
	oldSource, oldRoot, oldCatalogs := source, root, catalogs
	source, root, catalogs = log, "i18n", newCatalogs()
	t.Cleanup(func() { source, root, catalogs = oldSource, oldRoot, oldCatalogs })
	return log
}

var testFiles = fstest.MapFS{
	"i18n/en/cli.json": {Data: []byte(`{"cli.hello": "Hello, {{.Name}}", "cli.only_en": "English only"}`)},
	"i18n/ja/cli.json": {Data: []byte(`{"cli.hello": "こんにちは、{{.Name}}"}`)},
}

func TestNewReadsNoFileUntilATextIsNeeded(t *testing.T) {
	log := useFiles(t, testFiles)
	l := New(Japanese)
	if got := log.files(); len(got) != 0 {
		t.Fatalf("New read %v before any text was asked for", got)
	}
	if got := l.T("cli.hello", map[string]any{"Name": "admin"}); got != "こんにちは、admin" {
		t.Errorf("T = %q", got)
	}
	for _, f := range log.files() {
		if !strings.HasPrefix(f, "i18n/ja/") {
			t.Errorf("a Japanese text read %s: only the chosen language should be parsed", f)
		}
	}
}

func TestAKeyMissingInJapaneseFallsBackToEnglish(t *testing.T) {
	log := useFiles(t, testFiles)
	if got := New(Japanese).T("cli.only_en"); got != "English only" {
		t.Errorf("T = %q, want the English text", got)
	}
	if got := New(Japanese).T("cli.nowhere"); got != "cli.nowhere" {
		t.Errorf("T = %q, want the key itself", got)
	}
	if !strings.Contains(strings.Join(log.files(), " "), "i18n/en/cli.json") {
		t.Errorf("English was not read for the fallback: %v", log.files())
	}
}

func TestABrokenFileShowsKeysInsteadOfFailing(t *testing.T) {
	useFiles(t, fstest.MapFS{"i18n/en/cli.json": {Data: []byte(`{"cli.hello": `)}})
	if got := New(English).T("cli.hello"); got != "cli.hello" {
		t.Errorf("T = %q, want the key itself", got)
	}
	if got := Keys(English); got != nil {
		t.Errorf("Keys = %v, want nil for unparsable files", got)
	}
}

func TestATextDecodesOnlyTheFileThatHoldsItsKey(t *testing.T) {
	useFiles(t, fstest.MapFS{
		// a.json is broken, comes first and names the key inside a text
		// (escaped): it must not be decoded for cli.hello.
		"i18n/en/a.json":   {Data: []byte(`{"a.x": "see \"cli.hello\": here", broken`)},
		"i18n/en/cli.json": {Data: []byte(`{"cli.hello": "Hello"}`)},
	})
	if got := New(English).T("cli.hello"); got != "Hello" {
		t.Errorf("T(cli.hello) = %q: an unrelated file was decoded", got)
	}
	if got := Keys(English); got != nil {
		t.Errorf("Keys = %v, want nil: Keys decodes every file and one is broken", got)
	}
}

func TestAKeyOutsideItsAreaFileIsStillFound(t *testing.T) {
	useFiles(t, fstest.MapFS{
		"i18n/en/app.json":     {Data: []byte(`{"app.one": "one"}`)},
		"i18n/en/network.json": {Data: []byte(`{"app.two" :  "two"}`)}, // spaced: the quick search misses it
	})
	if got := New(English).T("app.two"); got != "two" {
		t.Errorf("T(app.two) = %q, want two", got)
	}
}

func TestTextsRenderConcurrentlyWhileFilesAreParsed(t *testing.T) {
	useFiles(t, fstest.MapFS{
		"i18n/ja/a.json": {Data: []byte(`{"a.x": "エー {{.N}}"}`)},
		"i18n/ja/b.json": {Data: []byte(`{"b.x": "ビー {{.N}}"}`)},
		"i18n/ja/c.json": {Data: []byte(`{"c.x": "シー {{.N}}"}`)},
	})
	l := New(Japanese)
	var wg sync.WaitGroup
	for i := range 12 {
		key := []string{"a.x", "b.x", "c.x"}[i%3]
		wg.Go(func() {
			if got := l.T(key, map[string]any{"N": i}); !strings.HasSuffix(got, " "+strconv.Itoa(i)) {
				t.Errorf("T(%s) = %q", key, got)
			}
		})
	}
	wg.Wait()
}
