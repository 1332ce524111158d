package app_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/seal"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

const handoverPass = "tsuki-ga-kirei-desu-ne"

// receiver is a second machine: its own config dir and keychain, nothing
// imported yet.
type receiver struct {
	svc     *app.Service
	dir     string
	keyring *secrets.Memory
}

func newReceiver(t *testing.T, h *harness) *receiver {
	t.Helper()
	r := &receiver{dir: t.TempDir(), keyring: secrets.NewMemory()}
	r.svc = app.New(app.Deps{Profiles: &profile.Store{Dir: r.dir}, Secrets: r.keyring, HTTP: h.http})
	return r
}

func (r *receiver) assertEmpty(t *testing.T) {
	t.Helper()
	if list, _ := r.svc.List(context.Background()); len(list) > 0 {
		t.Errorf("profiles imported: %v", list[0].Name)
	}
	if acc := r.keyring.Accounts(); len(acc) > 0 {
		t.Errorf("keychain written: %v", acc)
	}
}

func passLock() *seal.Lock { return &seal.Lock{Passphrase: handoverPass, WorkFactor: 10} }

func TestPassphraseHandoverImportsOnACleanMachine(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	sent, _ := h.svc.Secrets(ctx, "prod")
	path := filepath.Join(t.TempDir(), "prod.sfconnect.age")
	out, err := h.svc.ExportHandover(ctx, "prod", true, passLock(), path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 || !bytes.HasPrefix(data, []byte("-----BEGIN AGE ENCRYPTED FILE-----")) {
		t.Fatalf("export is %v:\n%s", st.Mode(), data)
	}
	if hits := filesContaining(t, filepath.Dir(path), sent.RefreshToken, sent.ClientSecret, "acme"); len(hits) > 0 {
		t.Fatalf("a secret or a value in clear: %v", hits)
	}
	if out.Guide != filepath.Join(filepath.Dir(path), "prod.sfconnect-handover.txt") {
		t.Errorf("guide at %s", out.Guide)
	}

	r := newReceiver(t, h)
	f, _ := os.Open(path)
	defer f.Close()
	p, err := r.svc.ImportSealed(ctx, f, "", seal.Key{Passphrase: handoverPass})
	if err != nil {
		t.Fatalf("ImportSealed: %v", err)
	}
	got, err := r.svc.Secrets(ctx, p.Name)
	if err != nil || got != sent {
		t.Fatalf("imported secrets differ (err %v)", err)
	}
	if health, err := r.svc.CheckToken(ctx, p.Name); err != nil || health.State != app.TokenAlive {
		t.Errorf("the imported token is %v (%v)", health.State, err)
	}
}

func TestSealedImportRefusedLeavesNothing(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	var good bytes.Buffer
	if err := h.svc.ExportSealed(ctx, "prod", true, *passLock(), &good); err != nil {
		t.Fatal(err)
	}
	cut := good.Bytes()[:good.Len()*2/3]
	altered := bytes.Replace(good.Bytes(), []byte("\n"), []byte("\nA"), 3)
	tests := []struct {
		name  string
		data  []byte
		key   seal.Key
		plain bool // through Import, which takes no key
		want  error
		en    string
	}{
		{"no passphrase", good.Bytes(), seal.Key{}, true, seal.ErrPassphraseNeeded, "protected with a passphrase"},
		{"empty passphrase", good.Bytes(), seal.Key{}, false, seal.ErrPassphraseNeeded, "protected with a passphrase"},
		{"wrong passphrase", good.Bytes(), seal.Key{Passphrase: handoverPass + "!"}, false, seal.ErrWrongPassphrase, "does not open"},
		{"truncated", cut, seal.Key{Passphrase: handoverPass}, false, seal.ErrDamaged, "damaged"},
		{"altered", altered, seal.Key{Passphrase: handoverPass}, false, seal.ErrDamaged, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReceiver(t, h)
			var err error
			if tt.plain {
				_, err = r.svc.Import(ctx, bytes.NewReader(tt.data), "")
			} else {
				_, err = r.svc.ImportSealed(ctx, bytes.NewReader(tt.data), "", tt.key)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("import = %v, want %v", err, tt.want)
			}
			if text := i18n.New("en").Error(err); !strings.Contains(text, tt.en) {
				t.Errorf("en message %q lacks %q", text, tt.en)
			}
			if ja := i18n.New("ja").Error(err); ja == i18n.New("ja").T("error.unexpected") {
				t.Errorf("no Japanese message for %v", err)
			}
			r.assertEmpty(t)
		})
	}
}

func TestAgeKeyHandoverOpensOnlyForTheRecipient(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	colleague, _ := age.GenerateX25519Identity()
	stranger, _ := age.GenerateX25519Identity()
	var file bytes.Buffer
	lock := seal.Lock{Recipients: []string{colleague.Recipient().String()}}
	if err := h.svc.ExportSealed(ctx, "prod", true, lock, &file); err != nil {
		t.Fatal(err)
	}
	keyOf := func(id *age.X25519Identity) seal.Key {
		ids, err := seal.ParseIdentities(strings.NewReader(id.String() + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		return seal.Key{Identities: ids}
	}
	r := newReceiver(t, h)
	if _, err := r.svc.ImportSealed(ctx, bytes.NewReader(file.Bytes()), "", keyOf(stranger)); !errors.Is(err, seal.ErrWrongKey) {
		t.Fatalf("stranger's import = %v", err)
	}
	r.assertEmpty(t)
	if needs, err := app.ImportNeeds(file.Bytes()); needs != seal.NeedsKey || err != nil {
		t.Errorf("ImportNeeds = %v, %v", needs, err)
	}
	p, err := r.svc.ImportSealed(ctx, bytes.NewReader(file.Bytes()), "twin", keyOf(colleague))
	if err != nil || p.Name != "twin" {
		t.Fatalf("colleague's import = %v, %v", p.Name, err)
	}
}

// The plain format stays as it was: Import reads it, and ImportSealed reads
// it without a key.
func TestPlainExportStaysReadable(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "prod.sfconnect.json")
	out, err := h.svc.ExportHandover(ctx, "prod", false, nil, path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte("{\n  \"format\": \"sfconnect-profile\"")) {
		t.Fatalf("plain export:\n%s", data)
	}
	if guide, _ := os.ReadFile(out.Guide); !strings.Contains(string(guide), "no client secret and no refresh token") {
		t.Errorf("the guide does not say the secrets are missing:\n%s", guide)
	}
	for i, imp := range []func(*receiver) (profile.Profile, error){
		func(r *receiver) (profile.Profile, error) { return r.svc.Import(ctx, bytes.NewReader(data), "") },
		func(r *receiver) (profile.Profile, error) {
			return r.svc.ImportSealed(ctx, bytes.NewReader(data), "", seal.Key{})
		},
	} {
		if p, err := imp(newReceiver(t, h)); err != nil || p.Namespace != "acme" {
			t.Errorf("import %d = %+v, %v", i, p, err)
		}
	}
}

// A passphrase that is too short or a mistyped key is refused before
// anything is read from the keychain or written to disk.
func TestSealedExportRefusesABadLockFirst(t *testing.T) {
	h := connected(t, nil)
	dir := t.TempDir()
	for _, lock := range []seal.Lock{{Passphrase: "short"}, {Recipients: []string{"age1notakey"}}} {
		_, err := h.svc.ExportHandover(context.Background(), "prod", true, &lock, filepath.Join(dir, "x.age"))
		var se *seal.Error
		if !errors.As(err, &se) {
			t.Errorf("lock %+v: err %v", lock.Recipients, err)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("wrote %s", left[0].Name())
	}
}

// The guide names each console field and the file's key for it, in the
// admin's language, and never a value.
func TestHandoverGuideMapsTheConsoleFields(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	sent, _ := h.svc.Secrets(ctx, "prod")
	for lang, want := range map[string]string{"en": "Send the passphrase by another way", "ja": "パスフレーズはファイルとは別の手段で"} {
		t.Run(lang, func(t *testing.T) {
			out, err := h.service(lang).ExportHandover(ctx, "prod", true, passLock(), filepath.Join(t.TempDir(), "p.age"))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(out.Guide)
			guide := string(b)
			for _, s := range []string{want, "p.age", "ネームスペース", "connection.namespace", "クライアントシークレット",
				"connection.client_secret", "リフレッシュトークン", "connection.refresh_token", "名寄せに使用する項目",
				"connection.matching_attribute", "業務アセットID", "connection.asset_id", "check --all"} {
				if !strings.Contains(guide, s) {
					t.Errorf("guide lacks %q", s)
				}
			}
			if strings.Contains(guide, sent.RefreshToken) || strings.Contains(guide, sent.ClientSecret) || strings.Contains(guide, "{{") {
				t.Errorf("guide holds a secret or an unfilled template:\n%s", guide)
			}
		})
	}
}

// TestRealKeychainSealedImport imports a sealed hand-over into the OS
// keychain (the Secret Service under scripts/with-keyring.sh): a wrong
// passphrase writes no entry, the right one writes both secrets.
func TestRealKeychainSealedImport(t *testing.T) {
	if os.Getenv("SFCONNECT_REAL_KEYRING") != "1" {
		t.Skip("set SFCONNECT_REAL_KEYRING=1 (scripts/with-keyring.sh does) to use the real keychain")
	}
	h := connected(t, nil)
	ctx := context.Background()
	sent, _ := h.svc.Secrets(ctx, "prod")
	var file bytes.Buffer
	if err := h.svc.ExportSealed(ctx, "prod", true, *passLock(), &file); err != nil {
		t.Fatal(err)
	}
	kr := secrets.NewKeyring(fmt.Sprintf("sfconnect-test-%d", time.Now().UnixNano()), 10*time.Second)
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: t.TempDir()}, Secrets: kr})
	t.Cleanup(func() { _ = svc.Delete(context.Background(), "handed", false, nil) })
	if _, err := svc.ImportSealed(ctx, bytes.NewReader(file.Bytes()), "handed", seal.Key{Passphrase: "wrong passphrase"}); !errors.Is(err, seal.ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	for _, k := range []secrets.Kind{secrets.ClientSecret, secrets.RefreshToken} {
		if _, err := kr.Get(ctx, secrets.Account("handed", k)); !errors.Is(err, secrets.ErrNotFound) {
			t.Fatalf("a refused import left %v in the keychain (%v)", k, err)
		}
	}
	if _, err := svc.ImportSealed(ctx, bytes.NewReader(file.Bytes()), "handed", seal.Key{Passphrase: handoverPass}); err != nil {
		t.Fatal(err)
	}
	if got, err := svc.Secrets(ctx, "handed"); err != nil || got != sent {
		t.Fatalf("keychain after import: equal %v, %v", got == sent, err)
	}
}
