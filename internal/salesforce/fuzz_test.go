package salesforce

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

func FuzzParseOrg(f *testing.F) {
	for _, s := range []string{
		"acme", "acme--dev", " ACME ", "https://acme.my.salesforce.com/",
		"https://acme--dev.sandbox.lightning.force.com/lightning/setup/x",
		"acme--dev--c.sandbox.vf.force.com", "acme--c.na1.visual.force.com",
		"login.salesforce.com", "https://example.com", "acme_corp", "ａｃｍｅ",
		"acme-dev-ed.develop", "x.trailblaze.my.site.com", "acme.my.salesforce.mil",
		"https://[::1]:80/", "http://%zz", "acme.sandbox.my.salesforce.com", "//",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		org, err := ParseOrg(input)
		if err != nil {
			var oe *OrgError
			if !errors.As(err, &oe) {
				t.Fatalf("error is %T, want *OrgError", err)
			}
			if !strings.HasPrefix(oe.MessageKey(), "sf.org.") {
				t.Fatalf("key %q", oe.MessageKey())
			}
			return
		}
		if (org.Kind == Sandbox) != strings.Contains(org.Namespace, "--") || !org.Kind.Known() {
			t.Fatalf("inconsistent org %+v", org)
		}
		again, err := ParseOrg(org.ConsoleURL())
		if err != nil || again != org {
			t.Fatalf("round trip of %+v via %q = %+v, %v", org, org.ConsoleURL(), again, err)
		}
		if again, err := ParseNamespace(org.Namespace); err != nil || again != org {
			t.Fatalf("namespace %q does not parse back: %+v, %v", org.Namespace, again, err)
		}
		if !org.MatchesInstance(org.LoginURL()) {
			t.Fatalf("%+v does not match its own login URL", org)
		}
	})
}

func FuzzValidateLoginURL(f *testing.F) {
	for _, s := range []string{
		"https://acme.my.salesforce.com/", "http://127.0.0.1:8080", "http://[::1]:1/x",
		"http://example.com", "https://u:p@host", "acme.my.salesforce.com", "https://host:99999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := ValidateLoginURL(raw)
		if err != nil {
			var ue *URLError
			if !errors.As(err, &ue) {
				t.Fatalf("error is %T, want *URLError", err)
			}
			return
		}
		if strings.HasSuffix(got, "/") || strings.ContainsAny(got, "?#@ ") {
			t.Fatalf("not normalised: %q", got)
		}
		again, err := ValidateLoginURL(got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: %q -> %q, %v", got, again, err)
		}
		if strings.HasPrefix(got, "http://") && !hosts.IsLoopback(strings.Trim(hostOnly(got), "[]")) {
			t.Fatalf("plain http to non-loopback accepted: %q", got)
		}
	})
}

func hostOnly(u string) string {
	h := strings.TrimPrefix(strings.TrimPrefix(u, "http://"), "https://")
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.HasSuffix(h, "]") {
		h = h[:i]
	}
	return h
}

func FuzzParseTokenError(f *testing.F) {
	f.Add(400, []byte(`{"error":"invalid_grant","error_description":"expired authorization code"}`))
	f.Add(400, []byte(`{"error":"x\u001b[31m","error_description":"a\nb\u202ec"}`))
	f.Add(502, []byte(`<html>bad gateway</html>`))
	f.Add(401, []byte(`not json`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		err := ParseTokenError(status, body)
		var oe *OAuthError
		var he *HTTPError
		switch {
		case errors.As(err, &oe):
			if strings.IndexFunc(err.Error(), unicode.IsControl) >= 0 {
				t.Fatalf("control character in %q", err.Error())
			}
			if oe.MessageKey() == "" {
				t.Fatal("empty key")
			}
		case errors.As(err, &he):
			if he.Status != status {
				t.Fatalf("status %d, want %d", he.Status, status)
			}
		default:
			t.Fatalf("unexpected error %T", err)
		}
	})
}
