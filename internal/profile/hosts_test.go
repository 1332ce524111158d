package profile

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A profile file is untrusted: its login URL receives the browser, the code,
// the verifier and the consumer secret, so only the org's own My Domain,
// Salesforce's login hosts and a loopback simulator are accepted.
func TestValidateRefusesHostsThatAreNotTheOrgs(t *testing.T) {
	tests := []struct {
		name, field, host string
		edit              func(p *Profile)
	}{
		{"login URL elsewhere", "login_url", "login.evil.example", func(p *Profile) { p.LoginURL = "https://login.evil.example" }},
		{"another org's My Domain", "login_url", "evil.my.salesforce.com", func(p *Profile) { p.LoginURL = "https://evil.my.salesforce.com" }},
		{"own host, other port", "login_url", "acme.my.salesforce.com:8443", func(p *Profile) { p.LoginURL = "https://acme.my.salesforce.com:8443" }},
		{"instance URL elsewhere", "instance_url", "api.evil.example", func(p *Profile) { p.InstanceURL = "https://api.evil.example" }},
		{"instance on the shared login host", "instance_url", "login.salesforce.com", func(p *Profile) { p.InstanceURL = "https://login.salesforce.com" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProfile()
			tt.edit(&p)
			var v ValidationErrors
			if err := p.Validate(); !errors.As(err, &v) || len(v) != 1 {
				t.Fatalf("Validate = %v, want exactly one error", err)
			}
			fe := v[0]
			if fe.Field != tt.field || fe.Key != "profile.err."+tt.field+"_not_allowed" ||
				fe.Args["Host"] != tt.host || fe.Args["Expected"] != "https://acme.my.salesforce.com" {
				t.Errorf("error = %+v, want field %s naming %s", fe, tt.field, tt.host)
			}
		})
	}
	for _, ok := range []string{"https://login.salesforce.com", "https://test.salesforce.com", "http://localhost:1717"} {
		p := validProfile()
		p.LoginURL = ok
		if err := p.Validate(); err != nil {
			t.Errorf("login URL %s refused: %v", ok, err)
		}
	}
}

func TestImportRefusesAFileThatSendsTheSignInElsewhere(t *testing.T) {
	file := strings.Replace(golden(t, "export_with_secrets.golden.json"),
		`"login_url": "https://acme.my.salesforce.com"`, `"login_url": "https://attacker.example"`, 1)
	p, s, err := Import(strings.NewReader(file))
	var v ValidationErrors
	if !errors.As(err, &v) || v.Field("login_url") == nil || v.Field("login_url").Args["Host"] != "attacker.example" {
		t.Fatalf("Import = %v, want login_url refused naming attacker.example", err)
	}
	if p.Name != "" || s != nil {
		t.Errorf("a refused import returned a profile or secrets")
	}
}

func TestImportStoresTheLoginURLInCanonicalForm(t *testing.T) {
	file := strings.Replace(golden(t, "export_no_secrets.golden.json"),
		`"login_url": "https://acme.my.salesforce.com"`, `"login_url": "https://ACME.my.salesforce.com/"`, 1)
	p, _, err := Import(strings.NewReader(file))
	if err != nil || p.LoginURL != "https://acme.my.salesforce.com" {
		t.Fatalf("Import = %q, %v", p.LoginURL, err)
	}
}

// A profile file changed on disk after it was saved is refused at load,
// naming the host, and can still be deleted (it contacts nothing).
func TestLoadRefusesAForeignHostButDeleteRemovesIt(t *testing.T) {
	for _, field := range []string{"login_url", "instance_url"} {
		t.Run(field, func(t *testing.T) {
			s := &Store{Dir: t.TempDir()}
			if err := s.Save(validProfile()); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(s.Dir, fileName("acme-prod"))
			raw, _ := os.ReadFile(path)
			var m map[string]any
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			m[field] = "https://collector.evil.example"
			raw, _ = json.Marshal(m)
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			p, err := s.Load("acme-prod")
			var hr *HostRefusedError
			if !errors.As(err, &hr) || hr.Host != "collector.evil.example" || hr.Field != field || hr.Name != "acme-prod" {
				t.Fatalf("Load = %v, want *HostRefusedError naming the host", err)
			}
			if hr.MessageArgs()["Expected"] != "https://acme.my.salesforce.com" || p.Name != "acme-prod" {
				t.Errorf("args %v, profile %q", hr.MessageArgs(), p.Name)
			}
			if list, err := s.List(); err != nil || len(list) != 1 {
				t.Errorf("List = %v, %v: the refused profile must stay visible", list, err)
			}
			if err := s.Delete("acme-prod"); err != nil {
				t.Fatalf("Delete of a refused profile: %v", err)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("file still there: %v", err)
			}
		})
	}
}
