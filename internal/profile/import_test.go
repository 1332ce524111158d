package profile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

func golden(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestImportGoldenFiles(t *testing.T) {
	want := validProfile()
	want.GenerateRandomPassword = true

	p, s, err := Import(strings.NewReader(golden(t, "export_no_secrets.golden.json")))
	if err != nil || s != nil || !reflect.DeepEqual(p, want) {
		t.Fatalf("Import(no secrets) = %+v, %v, %v;\nwant %+v", p, s, err, want)
	}
	p, s, err = Import(strings.NewReader(golden(t, "export_with_secrets.golden.json")))
	wantS := &Secrets{ClientSecret: "F1E2D3C4B5A6978800112233445566778899AABBCCDDEEFF", RefreshToken: "5Aep861example.refresh.token=="}
	if err != nil || !reflect.DeepEqual(s, wantS) || !reflect.DeepEqual(p, want) {
		t.Fatalf("Import(with secrets) = %+v, %+v, %v", p, s, err)
	}
}

func TestImportSecretsAndLeniency(t *testing.T) {
	base := golden(t, "export_no_secrets.golden.json")
	tests := []struct {
		name    string
		edit    func(string) string
		secrets *Secrets
	}{
		{"client secret alone", func(s string) string {
			return strings.Replace(s, `"client_id":`, `"client_secret": "abc123", "client_id":`, 1)
		}, &Secrets{ClientSecret: "abc123"}},
		{"empty secrets count as absent", func(s string) string {
			return strings.Replace(s, `"client_id":`, `"client_secret": "", "refresh_token": null, "client_id":`, 1)
		}, nil},
		{"unknown top-level key ignored", func(s string) string {
			return strings.Replace(s, `"name":`, `"future_feature": {"x": [1, 2]}, "name":`, 1)
		}, nil},
		{"kind absent: derived from the namespace", func(s string) string {
			s = strings.Replace(s, `"kind": "production",`, ``, 1)
			s = strings.ReplaceAll(s, `acme.my.salesforce.com`, `acme-dev-ed.develop.my.salesforce.com`)
			return strings.Replace(s, `"namespace": "acme"`, `"namespace": "acme-dev-ed.develop"`, 1)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, s, err := Import(strings.NewReader(tt.edit(base)))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s, tt.secrets) {
				t.Errorf("secrets = %+v, want %+v", s, tt.secrets)
			}
			if org, err := salesforce.ParseNamespace(p.Namespace); err != nil || string(org.Kind) != p.Kind {
				t.Errorf("kind %q for namespace %q", p.Kind, p.Namespace)
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	base := golden(t, "export_no_secrets.golden.json")
	repl := func(old, new string) string { return strings.Replace(base, old, new, 1) }
	tests := []struct {
		name  string
		input string
		key   string
		args  map[string]any
	}{
		{"empty", "  \n", "profile.err.import_empty", nil},
		{"too large", `{"format":"sfconnect-profile","memo":"` + strings.Repeat("x", MaxImportSize) + `"}`, "profile.err.import_too_large", map[string]any{"MaxMiB": 1}},
		{"syntax error position (second comma, column 16)", "{\n  \"format\": \"sfconnect-profile\",\n  \"version\": 1,,\n}", "profile.err.import_syntax", map[string]any{"Line": 3, "Column": 16}},
		{"truncated", base[:len(base)/2], "profile.err.import_syntax", nil},
		{"trailing garbage", base + "}", "profile.err.import_syntax", nil},
		{"array", `[1,2]`, "profile.err.import_not_profile", nil},
		{"other JSON", `{"hello": "world"}`, "profile.err.import_not_profile", nil},
		{"wrong format", repl(`"sfconnect-profile"`, `"sfconnect-profil"`), "profile.err.import_not_profile", nil},
		{"no version", repl(`"version": 2,`, ``), "profile.err.import_version_missing", nil},
		{"newer version", repl(`"version": 2,`, `"version": 3,`), "profile.err.import_version_newer", map[string]any{"Version": 3, "Supported": 2}},
		{"version zero", repl(`"version": 2,`, `"version": 0,`), "profile.err.import_version_invalid", nil},
		{"version string", repl(`"version": 2,`, `"version": "2",`), "profile.err.import_type", map[string]any{"Field": "version"}},
		{"kind disagrees with the namespace", repl(`"kind": "production"`, `"kind": "sandbox"`), "profile.err.namespace_kind", nil},
		{"version 2 keeps the namespace as written", repl(`"namespace": "acme"`, `"namespace": "acme--dev"`), "profile.err.namespace_invalid", nil},
		{"section not object", repl(`"connection": {`, `"connection": [], "x": {`), "profile.err.import_type", map[string]any{"Field": "connection"}},
		{"field wrong type", repl(`"generate_random_password": true`, `"generate_random_password": "yes"`), "profile.err.import_type", map[string]any{"Field": "connection.generate_random_password"}},
		{"misspelt secret key", repl(`"client_id":`, `"client_secert": "abc", "client_id":`), "profile.err.import_unknown_field", map[string]any{"Field": "connection.client_secert"}},
		{"unknown salesforce key", repl(`"org_id":`, `"org": "x", "org_id":`), "profile.err.import_unknown_field", map[string]any{"Field": "salesforce.org"}},
		{"bad time", repl(`"2025-06-01T09:30:00Z"`, `"2025-06-01 09:30"`), "profile.err.import_time", nil},
		{"refresh token alone", repl(`"client_id":`, `"refresh_token": "tok", "client_id":`), "profile.err.refresh_without_secret", nil},
		{"secret with space", repl(`"client_id":`, `"client_secret": "a b", "client_id":`), "profile.err.secret_invalid", nil},
		{"invalid profile field", repl(`"namespace": "acme"`, `"namespace": "acme.my.salesforce.com"`), "profile.err.namespace_invalid", nil},
		{"no name", repl(`"name": "acme-prod",`, ``), "profile.err.name_required", nil},
		{"no callback", repl(`"callback_url": "http://localhost/",`, ``), "profile.err.callback_url_required", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, err := Import(strings.NewReader(tt.input))
			if err == nil {
				t.Fatal("Import succeeded")
			}
			if s != nil {
				t.Error("secrets returned with an error")
			}
			var k interface {
				MessageKey() string
				MessageArgs() map[string]any
			}
			if !errors.As(err, &k) || k.MessageKey() != tt.key {
				t.Fatalf("err = %v, want key %s", err, tt.key)
			}
			for name, want := range tt.args {
				if got := k.MessageArgs()[name]; got != want {
					t.Errorf("arg %s = %v, want %v", name, got, want)
				}
			}
			if strings.Contains(err.Error(), "a b") || strings.Contains(err.Error(), "tok\"") {
				t.Errorf("error text quotes a secret: %v", err)
			}
		})
	}
}

// FuzzImport: Import never panics, and whatever it accepts survives an
// Export/Import round trip unchanged.
func FuzzImport(f *testing.F) {
	f.Add(golden(f, "export_no_secrets.golden.json"))
	f.Add(golden(f, "export_with_secrets.golden.json"))
	f.Add(`{"format":"sfconnect-profile","version":1,"name":"a","connection":{"namespace":"a--b","client_id":"x","matching_attribute":"Email"},"salesforce":{"login_url":"http://[::1]","callback_url":"http://localhost","scopes":[],"authorized_at":"0001-01-01T00:00:00+01:00"}}`)
	f.Add(`{"format":"sfconnect-profile","version":1,"name":"Ａ\u00e9","connection":{"namespace":"A1","client_id":"x","client_secret":"s","matching_attribute":"Email","memo":"\r\n\t"},"salesforce":{"login_url":"https://h","callback_url":"http://localhost:8080/cb","authorized_at":"2025-01-01T00:00:00.999+09:00"}}`)
	f.Add(`{"format":"sfconnect-profile","version":2}`)
	f.Add(`{"format":"sfconnect-profile","version":1,"connection":null,"salesforce":7}`)
	f.Add("\xff\xfe{")
	f.Fuzz(func(t *testing.T, in string) {
		p, s, err := Import(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := ExportAt(&buf, p, s, exportTime); err != nil {
			t.Fatalf("accepted profile does not export: %v", err)
		}
		p2, s2, err := Import(&buf)
		if err != nil {
			t.Fatalf("exported file does not re-import: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(p, p2) || !reflect.DeepEqual(s, s2) {
			t.Fatalf("round trip changed the profile:\n%+v %+v\n%+v %+v", p, s, p2, s2)
		}
	})
}
