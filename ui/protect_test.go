package ui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// fastSeal makes the env's service seal with a cheap scrypt cost: age's
// default costs seconds per file.
func fastSeal(e *simEnv) {
	e.svc = app.New(app.Deps{Profiles: e.store, Secrets: e.secrets, OpenBrowser: e.browser.Open, SealWorkFactor: 10})
}

func TestExportDialogRatesAndChecksThePassphrase(t *testing.T) {
	u, _ := newTestUI(t, &fakeBackend{profiles: goldenProfiles()}, "en", nil)
	l := i18n.New("en")
	e := u.showExportDialog("acme", func(string, widget.Importance) {})
	if e.Protect.Checked || e.Confirm.Disabled() || !e.Passphrase.Disabled() {
		t.Fatal("without secrets the plain export is the default")
	}
	e.IncludeSecrets.SetChecked(true)
	if !e.Protect.Checked || !e.Confirm.Disabled() || e.Passphrase.Disabled() {
		t.Fatal("with secrets, protection is on and needs a passphrase")
	}
	steps := []struct {
		pass, repeat string
		hint         string
		imp          widget.Importance
		ok           bool
	}{
		{"short", "", "seal.strength.too_short", widget.DangerImportance, false},
		{"short", "short", "seal.strength.too_short", widget.DangerImportance, false},
		{"abcdefghij", "abcdefghij", "seal.strength.weak", widget.WarningImportance, true},
		{"summer2025!", "summer2025!", "seal.strength.fair", widget.MediumImportance, true},
		{"correct horse battery staple", "correct horse battery stapl", "ui.export.passphrase.differ", widget.DangerImportance, false},
		{"correct horse battery staple", "correct horse battery staple", "seal.strength.strong", widget.SuccessImportance, true},
	}
	for _, s := range steps {
		e.Passphrase.SetText(s.pass)
		e.Repeat.SetText(s.repeat)
		want := l.T(s.hint, map[string]any{"Min": 10})
		if e.Strength.Text != want || e.Strength.Importance != s.imp || e.Confirm.Disabled() == s.ok {
			t.Errorf("%q/%q: hint %q (%v), confirm enabled %v", s.pass, s.repeat, e.Strength.Text, e.Strength.Importance, !e.Confirm.Disabled())
		}
	}
	test.Tap(e.Generate)
	if e.Passphrase.Text == "" || e.Passphrase.Text != e.Repeat.Text || e.Passphrase.Password || e.Confirm.Disabled() {
		t.Errorf("generated %q / %q, shown %v", e.Passphrase.Text, e.Repeat.Text, !e.Passphrase.Password)
	}
	e.Protect.SetChecked(false)
	if e.Confirm.Disabled() || !e.Passphrase.Disabled() {
		t.Error("unprotected export is not allowed")
	}
}

// The whole hand-over in the window: export with secrets protected by a
// passphrase, delete, then import the file back with a wrong and then the
// right passphrase.
func TestProtectedExportImportsBackWithThePassphrase(t *testing.T) {
	e := newSimEnv(t, testkit.Follow, nil)
	fastSeal(e)
	u, loop := newSimUI(t, e, "en", nil)
	connectAndSave(t, u, loop, e)
	dir := t.TempDir()
	u.SaveDialog = func(name string, done func(string)) { done(filepath.Join(dir, name)) }
	u.Home.SelectName("acme")
	test.Tap(u.Home.ExportButton)
	d := u.LastExport
	d.IncludeSecrets.SetChecked(true)
	const pass = "umi-no-mieru-oka-2025"
	d.Passphrase.SetText(pass)
	d.Repeat.SetText(pass)
	test.Tap(d.Confirm)
	path := filepath.Join(dir, "acme.sfconnect.age")
	loop.waitFor(t, "export", func() bool { return strings.Contains(u.Home.Status.Text, path) })
	if !strings.Contains(u.Home.Status.Text, "apart from the file") || !strings.Contains(u.Home.Status.Text, "acme.sfconnect-handover.txt") {
		t.Errorf("status: %q", u.Home.Status.Text)
	}
	data, err := os.ReadFile(path)
	sec, _ := e.svc.Secrets(t.Context(), "acme")
	if err != nil || !bytes.HasPrefix(data, []byte("-----BEGIN AGE ENCRYPTED FILE-----")) || bytes.Contains(data, []byte(sec.RefreshToken)) {
		t.Fatalf("not sealed (%v)", err)
	}

	if err := e.svc.Delete(t.Context(), "acme", false, nil); err != nil {
		t.Fatal(err)
	}
	u.ShowHome()
	u.OpenDialog = func(done func(io.ReadCloser)) { done(io.NopCloser(bytes.NewReader(data))) }
	test.Tap(u.Home.ImportButton)
	loop.waitFor(t, "the passphrase question", func() bool { return u.LastImport != nil })
	test.Type(u.LastImport.Passphrase, "not it")
	first := u.LastImport
	test.Tap(first.Confirm)
	loop.waitFor(t, "asked again", func() bool { return u.LastImport != first })
	if !u.LastImport.Error.Visible() || !strings.Contains(u.LastImport.Error.Text, "does not open") {
		t.Errorf("wrong passphrase: %q", u.LastImport.Error.Text)
	}
	if list, _ := e.svc.List(t.Context()); len(list) != 0 {
		t.Fatal("imported with a wrong passphrase")
	}
	test.Type(u.LastImport.Passphrase, pass)
	test.Tap(u.LastImport.Confirm)
	loop.waitFor(t, "imported", func() bool { return len(u.Home.Profiles) == 1 })
	if got, _ := e.svc.Secrets(t.Context(), "acme"); got != sec {
		t.Error("the imported secrets differ")
	}
}
