package profile

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

var exportTime = time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)

func TestExportGolden(t *testing.T) {
	tests := []struct {
		file    string
		secrets *Secrets
	}{
		{"export_no_secrets.golden.json", nil},
		{"export_with_secrets.golden.json", &Secrets{ClientSecret: "F1E2D3C4B5A6978800112233445566778899AABBCCDDEEFF", RefreshToken: "5Aep861example.refresh.token=="}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportAt(&buf, validProfile(), tt.secrets, exportTime); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("export differs from %s (go test -update to accept):\n%s", path, buf.String())
			}
		})
	}
}

func TestExportWithoutSecretsHasNoSecretKeys(t *testing.T) {
	for name, s := range map[string]*Secrets{"nil": nil, "client secret only": {ClientSecret: "abc123"}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportAt(&buf, validProfile(), s, exportTime); err != nil {
				t.Fatal(err)
			}
			// The keys, not the words: "refresh_token" is also a scope name.
			if s == nil && bytes.Contains(buf.Bytes(), []byte(`"client_secret":`)) {
				t.Errorf("client_secret key present:\n%s", buf.String())
			}
			if bytes.Contains(buf.Bytes(), []byte(`"refresh_token":`)) {
				t.Errorf("refresh_token key present:\n%s", buf.String())
			}
		})
	}
}

func TestExportRejects(t *testing.T) {
	bad := validProfile()
	bad.ClientID = ""
	tests := []struct {
		name string
		p    Profile
		s    *Secrets
		key  string
	}{
		{"invalid profile", bad, nil, "profile.err.client_id_required"},
		{"token without secret", validProfile(), &Secrets{RefreshToken: "tok"}, "profile.err.refresh_without_secret"},
		{"secret with newline", validProfile(), &Secrets{ClientSecret: "ab\ncd"}, "profile.err.secret_invalid"},
		{"secret too large", validProfile(), &Secrets{ClientSecret: strings.Repeat("s", MaxSecretLen+1)}, "profile.err.secret_invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := ExportAt(&buf, tt.p, tt.s, exportTime)
			var v ValidationErrors
			if !errors.As(err, &v) || v.MessageKey() != tt.key {
				t.Fatalf("err = %v, want %s", err, tt.key)
			}
			if buf.Len() != 0 {
				t.Error("something was written despite the error")
			}
			if tt.s != nil && tt.s.ClientSecret != "" && strings.Contains(err.Error(), tt.s.ClientSecret) {
				t.Error("error text contains the secret")
			}
		})
	}
}
