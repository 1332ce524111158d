package profile

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		name string
		want string // exact, or a prefix when it ends in "~"
	}{
		{"acme-prod", "acme-prod.json"},
		{"Acme-Prod", "acme-prod.json"},
		{"acme_prod_2", "acme_prod_2.json"},
		{"acme prod", "acme_prod~"},
		{"本番", "_~"},
		{"CON", "con~"},
		{"com1", "com1~"},
		{"console", "console.json"},
		{"..x", "_x~"},
		{strings.Repeat("a", 64), strings.Repeat("a", 40) + "~"},
	}
	for _, tt := range tests {
		got := fileName(tt.name)
		if strings.HasSuffix(tt.want, "~") {
			if !strings.HasPrefix(got, tt.want) || len(got) != len(tt.want)+12+len(".json") {
				t.Errorf("fileName(%q) = %q, want %q + 12 hex + .json", tt.name, got, tt.want)
			}
		} else if got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if strings.HasPrefix(got, ".") || strings.ContainsAny(got, `/\:*?"<>| `) || len(got) > 60 {
			t.Errorf("fileName(%q) = %q is not a safe file name", tt.name, got)
		}
	}
	if fileName("acme prod") == fileName("acme_prod") || fileName("a b") == fileName("a  b") {
		t.Error("distinct names that differ beyond case share a file")
	}
}

func TestStoreSaveLoadListDelete(t *testing.T) {
	s := &Store{Dir: filepath.Join(t.TempDir(), "profiles")}
	if ps, err := s.List(); err != nil || len(ps) != 0 {
		t.Fatalf("List of a missing dir = %v, %v", ps, err)
	}
	a, b := validProfile(), validProfile()
	a.Name, b.Name = "zeta 本番", "Alpha"
	for _, p := range []Profile{a, b} {
		if err := s.Save(p); err != nil {
			t.Fatalf("Save(%q): %v", p.Name, err)
		}
	}
	got, err := s.Load("zeta 本番")
	if err != nil || !reflect.DeepEqual(got, a) {
		t.Fatalf("Load = %+v, %v; want %+v", got, err, a)
	}
	a.Memo = "updated"
	if err := s.Save(a); err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	ps, err := s.List()
	if err != nil || len(ps) != 2 || ps[0].Name != "Alpha" || ps[1].Name != "zeta 本番" || ps[1].Memo != "updated" {
		t.Fatalf("List = %+v, %v", ps, err)
	}

	if err := s.Delete("zeta 本番"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	for _, op := range []func() error{
		func() error { _, err := s.Load("zeta 本番"); return err },
		func() error { return s.Delete("zeta 本番") },
		func() error { _, err := s.Load("alpha"); return err }, // case matters on Load
	} {
		err := op()
		var nf *NotFoundError
		if !errors.Is(err, ErrNotFound) || !errors.As(err, &nf) || nf.MessageKey() != "profile.err.not_found" {
			t.Errorf("err = %v, want *NotFoundError", err)
		}
	}
}

func TestStoreRejectsInvalidAndCaseConflicts(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	bad := validProfile()
	bad.Namespace = ""
	var v ValidationErrors
	if err := s.Save(bad); !errors.As(err, &v) {
		t.Fatalf("Save(invalid) = %v, want ValidationErrors", err)
	}
	p := validProfile()
	p.Name = "Acme"
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	p.Name = "ACME"
	var c *ConflictError
	if err := s.Save(p); !errors.As(err, &c) || c.Existing != "Acme" {
		t.Fatalf("Save of a case variant = %v, want *ConflictError", err)
	}
}

func TestStorePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits")
	}
	dir := filepath.Join(t.TempDir(), "sfconnect")
	s := &Store{Dir: dir}
	if err := s.Save(validProfile()); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode = %v, %v; want 0700", fi.Mode().Perm(), err)
	}
	path := filepath.Join(dir, fileName(validProfile().Name))
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}

	// WriteFile over an existing, wider file leaves it 0600.
	wide := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(wide, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(wide, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(wide); fi.Mode().Perm() != 0o600 {
		t.Errorf("rewritten file mode = %v, want 0600", fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(wide); string(b) != "new" {
		t.Errorf("content = %q", b)
	}
}

func TestWriteFileFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.json")
	if err := WriteFile(path, []byte("old content")); err != nil {
		t.Fatal(err)
	}
	failing := map[string]func(*os.File, []byte) (int, error){
		"write error": func(f *os.File, b []byte) (int, error) {
			n, _ := f.Write(b[:len(b)/2]) // half written, then the disk fills up
			return n, errors.New("no space left on device")
		},
		"short write": func(f *os.File, b []byte) (int, error) { return f.Write(b[:1]) },
	}
	for name, write := range failing {
		t.Run(name, func(t *testing.T) {
			if err := writeFile(path, []byte("new content that fails"), write); err == nil {
				t.Fatal("writeFile succeeded with a failing writer")
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "old content" {
				t.Fatalf("old file = %q, %v; want it intact", b, err)
			}
			assertNoTempFiles(t, dir)
		})
	}
	t.Run("rename fails", func(t *testing.T) {
		target := filepath.Join(dir, "a-dir")
		if err := os.MkdirAll(filepath.Join(target, "child"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(target, []byte("x")); err == nil {
			t.Fatal("WriteFile over a non-empty directory succeeded")
		}
		assertNoTempFiles(t, dir)
	})
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestListSkipsUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	var logs bytes.Buffer
	s := &Store{Dir: dir, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	if err := s.Save(validProfile()); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, fileName(validProfile().Name)))
	files := map[string]string{
		"broken.json":        `{"name": "broken",`,
		"empty.json":         ``,
		"wrong-place.json":   strings.Replace(string(data), `"acme-prod"`, `"moved"`, 1),
		".acme.json.tmp-123": `{}`,
		"notes.txt":          `not a profile`,
	}
	for n, c := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ps, skipped, err := s.ListAll()
	if err != nil || len(ps) != 1 || ps[0].Name != "acme-prod" {
		t.Fatalf("ListAll = %v, %v", ps, err)
	}
	var names []string
	for _, sk := range skipped {
		names = append(names, sk.File)
	}
	if want := []string{"broken.json", "empty.json", "wrong-place.json"}; !reflect.DeepEqual(names, want) {
		t.Errorf("skipped %v, want %v", names, want)
	}
	if ps, err := s.List(); err != nil || len(ps) != 1 {
		t.Fatalf("List = %v, %v", ps, err)
	}
	if !strings.Contains(logs.String(), "broken.json") {
		t.Errorf("skipped file not logged: %s", logs.String())
	}
}

func TestDefaultDir(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(ConfigDirEnv, dir)
	if got, err := DefaultDir(); err != nil || got != dir {
		t.Errorf("DefaultDir = %q, %v; want %q", got, err, dir)
	}
	t.Setenv(ConfigDirEnv, "")
	base, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no user config dir here:", err)
	}
	if got, err := DefaultDir(); err != nil || got != filepath.Join(base, "sfconnect") {
		t.Errorf("DefaultDir = %q, %v", got, err)
	}
}
