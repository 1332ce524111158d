package salesforce

import (
	"errors"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

func TestCheckLoginURL(t *testing.T) {
	acme := Org{Namespace: "acme", Kind: Production}
	dev := Org{Namespace: "acme--uat.sandbox", Kind: Sandbox}
	tests := []struct {
		name, raw string
		org       Org
		want      string // "" = refused
		reason    string
		host      string // the host named when refused
	}{
		{"own my domain", "https://acme.my.salesforce.com/", acme, "https://acme.my.salesforce.com", "", ""},
		{"own my domain, explicit 443", "https://ACME.my.salesforce.com:443", acme, "https://acme.my.salesforce.com", "", ""},
		{"own sandbox my domain", "https://acme--uat.sandbox.my.salesforce.com", dev, "https://acme--uat.sandbox.my.salesforce.com", "", ""},
		{"production login host", "https://login.salesforce.com", dev, "https://login.salesforce.com", "", ""},
		{"sandbox login host", "test.salesforce.com", acme, "https://test.salesforce.com", "", ""},
		{"simulator over http", "http://127.0.0.1:53682", acme, "http://127.0.0.1:53682", "", ""},
		{"simulator on localhost with TLS", "https://localhost:8443/", acme, "https://localhost:8443", "", ""},
		{"simulator on ::1", "http://[::1]:9", acme, "http://[::1]:9", "", ""},
		{"another org's my domain", "https://evil.my.salesforce.com", acme, "", URLReasonNotAllowed, "evil.my.salesforce.com"},
		{"production host for the sandbox name", "https://acme--uat.my.salesforce.com", dev, "", URLReasonNotAllowed, "acme--uat.my.salesforce.com"},
		{"lookalike suffix", "https://acme.my.salesforce.com.evil.example", acme, "", URLReasonNotAllowed, "acme.my.salesforce.com.evil.example"},
		{"any https host", "https://login.example.com", acme, "", URLReasonNotAllowed, "login.example.com"},
		{"own host on another port", "https://acme.my.salesforce.com:8443", acme, "", URLReasonNotAllowed, "acme.my.salesforce.com:8443"},
		{"login host on another port", "https://login.salesforce.com:444", acme, "", URLReasonNotAllowed, "login.salesforce.com:444"},
		{"setup domain serves no OAuth", "https://acme.my.salesforce-setup.com", acme, "", URLReasonNotAllowed, "acme.my.salesforce-setup.com"},
		{"lightning domain serves no OAuth", "https://acme.lightning.force.com", acme, "", URLReasonNotAllowed, "acme.lightning.force.com"},
		{"government cloud plus login", "https://login.salesforce.mil", acme, "", URLReasonNotAllowed, "login.salesforce.mil"},
		{"private address over https", "https://10.0.0.5", acme, "", URLReasonNotAllowed, "10.0.0.5"},
		{"plain http elsewhere is insecure first", "http://acme.my.salesforce.com", acme, "", URLReasonInsecure, "acme.my.salesforce.com"},
		{"malformed", "https://%zz", acme, "", URLReasonInvalid, ""},
		{"no org: only shared and loopback", "https://acme.my.salesforce.com", Org{}, "", URLReasonNotAllowed, "acme.my.salesforce.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckLoginURL(tt.raw, tt.org)
			if tt.reason == "" {
				if err != nil || got != tt.want {
					t.Fatalf("CheckLoginURL(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
				}
				return
			}
			var ue *URLError
			if !errors.As(err, &ue) || ue.Reason != tt.reason || ue.Host != tt.host || got != "" {
				t.Fatalf("CheckLoginURL(%q) = %q, %v; want reason %q naming %q", tt.raw, got, err, tt.reason, tt.host)
			}
			if tt.reason == URLReasonNotAllowed && ue.Expected != tt.org.LoginURL() {
				t.Errorf("Expected = %q, want the org's own %q", ue.Expected, tt.org.LoginURL())
			}
		})
	}
}

func TestCheckInstanceURLRefusesTheSharedLoginHosts(t *testing.T) {
	acme := Org{Namespace: "acme", Kind: Production}
	for raw, ok := range map[string]bool{
		"https://acme.my.salesforce.com": true,
		"http://127.0.0.1:1717":          true,
		"https://login.salesforce.com":   false,
		"https://na1.salesforce.com":     false,
	} {
		_, err := CheckInstanceURL(raw, acme)
		if (err == nil) != ok {
			t.Errorf("CheckInstanceURL(%q) = %v, want allowed %v", raw, err, ok)
		}
	}
}

// Whatever CheckLoginURL accepts goes to the org's own My Domain, a shared
// login host or this computer; whatever it refuses is a *URLError.
func FuzzCheckLoginURL(f *testing.F) {
	for _, s := range []string{"https://acme.my.salesforce.com", "https://acme.my.salesforce.com.evil.example",
		"http://127.0.0.1:9", "https://login.salesforce.com:443/x", "https://ACME.my.salesforce.com:0443",
		"https://[::1]/", "https://evil.example@acme.my.salesforce.com", "acme.my.salesforce.com"} {
		f.Add(s)
	}
	acme := Org{Namespace: "acme", Kind: Production}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := CheckLoginURL(raw, acme)
		if err != nil {
			var ue *URLError
			if !errors.As(err, &ue) || got != "" {
				t.Fatalf("CheckLoginURL(%q) = %q, %v", raw, got, err)
			}
			return
		}
		host := strings.TrimPrefix(strings.TrimPrefix(got, "https://"), "http://")
		h, _, _ := strings.Cut(strings.TrimPrefix(host, "["), "]")
		if hp, _, ok := strings.Cut(host, ":"); ok && !strings.HasPrefix(host, "[") {
			h = hp
		}
		if !(got == "https://acme.my.salesforce.com" || got == ProductionLoginURL || got == SandboxLoginURL || hosts.IsLoopback(h)) {
			t.Fatalf("CheckLoginURL(%q) accepted %q", raw, got)
		}
	})
}
