package salesforce

import (
	"errors"
	"strings"
	"testing"
)

func TestParseOrgAccepts(t *testing.T) {
	prod := func(ns string) Org { return Org{Namespace: ns, Environment: Production} }
	sbx := func(ns string) Org { return Org{Namespace: ns, Environment: Sandbox} }
	tests := []struct {
		name, input string
		want        Org
	}{
		{"bare namespace", "acme", prod("acme")},
		{"bare with hyphen and digits", "acme-corp2", prod("acme-corp2")},
		{"bare sandbox", "acme--dev", sbx("acme--dev")},
		{"upper case and spaces", "  ACME--Dev \t\n", sbx("acme--dev")},
		{"full-width IME input", "ａｃｍｅ", prod("acme")},
		{"quoted", `"acme"`, prod("acme")},
		{"my domain URL", "https://acme.my.salesforce.com/", prod("acme")},
		{"my domain no scheme", "acme.my.salesforce.com", prod("acme")},
		{"my domain with path and query", "https://acme.my.salesforce.com/home/home.jsp?a=1#x", prod("acme")},
		{"my domain mixed case, port", "HTTPS://Acme.My.Salesforce.COM:443/", prod("acme")},
		{"my domain trailing dot", "https://acme.my.salesforce.com./", prod("acme")},
		{"http scheme still names the org", "http://acme.my.salesforce.com", prod("acme")},
		{"lightning setup URL", "https://acme.lightning.force.com/lightning/setup/SetupOneHome/home", prod("acme")},
		{"lightning no scheme", "acme.lightning.force.com/lightning/page/home", prod("acme")},
		{"sandbox my domain", "https://acme--dev.sandbox.my.salesforce.com", sbx("acme--dev")},
		{"sandbox lightning", "https://acme--uat1.sandbox.lightning.force.com/lightning/o/Account/list?filterName=Recent", sbx("acme--uat1")},
		{"legacy sandbox my domain", "https://acme--dev.my.salesforce.com/", sbx("acme--dev")},
		{"setup domain", "https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home", prod("acme")},
		{"sandbox setup domain", "acme--dev.sandbox.my.salesforce-setup.com", sbx("acme--dev")},
		{"experience cloud site", "https://acme.my.site.com/s/", prod("acme")},
		{"sandbox experience cloud site", "https://acme--qa.sandbox.my.site.com/s/", sbx("acme--qa")},
		{"salesforce sites", "acme.my.salesforce-sites.com", prod("acme")},
		{"visualforce", "https://acme--c.vf.force.com/apex/Page", prod("acme")},
		{"sandbox visualforce", "https://acme--dev--c.sandbox.vf.force.com/apex/Page", sbx("acme--dev")},
		{"legacy visualforce", "https://acme--c.visualforce.com/apex/Page", prod("acme")},
		{"legacy visualforce with instance", "acme--c.na123.visual.force.com", prod("acme")},
		{"40 character name", strings.Repeat("a", 40), prod(strings.Repeat("a", 40))},
		{"10 character sandbox", "acme--abcdefghij", sbx("acme--abcdefghij")},
		{"scheme-relative", "//acme.my.salesforce.com/", prod("acme")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOrg(tt.input)
			if err != nil {
				t.Fatalf("ParseOrg(%q) error: %v", tt.input, err)
			}
			if got != tt.want {
				t.Fatalf("ParseOrg(%q) = %+v, want %+v", tt.input, got, tt.want)
			}
		})
	}
}

func TestParseOrgRejects(t *testing.T) {
	tests := []struct {
		name, input, reason, key string
	}{
		{"empty", "", ReasonEmpty, "sf.org.empty"},
		{"only spaces", " \t　", ReasonEmpty, "sf.org.empty"},
		{"login host", "https://login.salesforce.com/", ReasonGenericLoginHost, "sf.org.generic_login_host"},
		{"test host", "test.salesforce.com", ReasonGenericLoginHost, "sf.org.generic_login_host"},
		{"login host any case", "HTTPS://LOGIN.SALESFORCE.COM/?locale=jp", ReasonGenericLoginHost, "sf.org.generic_login_host"},
		{"instance host", "https://na123.salesforce.com/", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"bare lightning host", "https://lightning.force.com/", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"extra label", "a.b.my.salesforce.com", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"visualforce without package", "https://acme.vf.force.com/", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"developer edition", "https://acme-dev-ed.develop.my.salesforce.com", ReasonUnsupportedEdition, "sf.org.unsupported_edition"},
		{"scratch org", "https://x--y.scratch.lightning.force.com", ReasonUnsupportedEdition, "sf.org.unsupported_edition"},
		{"other site", "https://example.com/acme", ReasonNotSalesforce, "sf.org.not_salesforce"},
		{"lookalike", "acme.my.salesforce.com.evil.example", ReasonNotSalesforce, "sf.org.not_salesforce"},
		{"underscore", "acme_corp", ReasonInvalidChars, "sf.org.invalid_chars"},
		{"space inside", "acme corp", ReasonInvalidChars, "sf.org.invalid_chars"},
		{"non-ASCII", "アクメ", ReasonInvalidChars, "sf.org.invalid_chars"},
		{"token-like host", "00Dxx!AQ4AQ.abc", ReasonInvalidChars, "sf.org.invalid_chars"},
		{"starts with digit", "1acme", ReasonInvalidName, "sf.org.invalid_name"},
		{"starts with hyphen", "-acme", ReasonInvalidName, "sf.org.invalid_name"},
		{"ends with hyphen", "acme-", ReasonInvalidName, "sf.org.invalid_name"},
		{"41 characters", strings.Repeat("a", 41), ReasonTooLong, "sf.org.too_long"},
		{"huge input", "https://" + strings.Repeat("a", 5000), ReasonTooLong, "sf.org.too_long"},
		{"empty sandbox", "acme--", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"sandbox too long", "acme--abcdefghijk", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"sandbox starts with digit", "acme--1dev", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"two sandbox markers", "acme--dev--x", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"sandbox host without sandbox name", "acme.sandbox.my.salesforce.com", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"ftp scheme", "ftp://acme.my.salesforce.com", ReasonInvalidURL, "sf.org.invalid_url"},
		{"no host", "https:///path", ReasonInvalidURL, "sf.org.invalid_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOrg(tt.input)
			var oe *OrgError
			if !errors.As(err, &oe) {
				t.Fatalf("ParseOrg(%q) = %+v, %v; want *OrgError", tt.input, got, err)
			}
			if oe.Reason != tt.reason || oe.MessageKey() != tt.key {
				t.Fatalf("ParseOrg(%q): reason %q key %q, want %q %q", tt.input, oe.Reason, oe.MessageKey(), tt.reason, tt.key)
			}
			if got != (Org{}) {
				t.Errorf("rejected input returned non-zero Org %+v", got)
			}
			if ex := oe.MessageArgs()["Example"]; ex != "https://<namespace>.my.salesforce.com/" {
				t.Errorf("Example arg = %v", ex)
			}
		})
	}
}

func TestOrgErrorNeverEchoesUnreadableHost(t *testing.T) {
	// An access token pasted into the org field by mistake must not reach a log.
	const token = "00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog.6qB8.vYZ"
	_, err := ParseOrg(token)
	if err == nil {
		t.Fatal("token accepted as org")
	}
	if strings.Contains(err.Error(), "AR8AQJXg5oj8") {
		t.Fatalf("error echoes the input: %v", err)
	}
	for k, v := range err.(*OrgError).MessageArgs() {
		if s, ok := v.(string); ok && len(s) > 1 && strings.Contains(token, s) {
			t.Errorf("arg %s echoes the input: %q", k, s)
		}
	}
}

func TestOrgURLs(t *testing.T) {
	tests := []struct {
		org        Org
		myDomain   string
		matches    []string
		mismatches []string
	}{
		{
			org:        Org{Namespace: "acme", Environment: Production},
			myDomain:   "https://acme.my.salesforce.com",
			matches:    []string{"https://acme.my.salesforce.com", "https://ACME.my.salesforce.com/", "https://acme.my.salesforce.com:443/x"},
			mismatches: []string{"https://acme2.my.salesforce.com", "https://acme.lightning.force.com", "acme.my.salesforce.com", "", "https://acme.sandbox.my.salesforce.com"},
		},
		{
			org:        Org{Namespace: "acme--dev", Environment: Sandbox},
			myDomain:   "https://acme--dev.sandbox.my.salesforce.com",
			matches:    []string{"https://acme--dev.sandbox.my.salesforce.com"},
			mismatches: []string{"https://acme--dev.my.salesforce.com", "https://acme.my.salesforce.com"},
		},
		{org: Org{}, myDomain: "", mismatches: []string{"https://.my.salesforce.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.org.Namespace, func(t *testing.T) {
			if got := tt.org.MyDomainURL(); got != tt.myDomain {
				t.Errorf("MyDomainURL() = %q, want %q", got, tt.myDomain)
			}
			if got := tt.org.LoginURL(); got != tt.myDomain {
				t.Errorf("LoginURL() = %q, want %q", got, tt.myDomain)
			}
			for _, u := range tt.matches {
				if !tt.org.MatchesInstance(u) {
					t.Errorf("MatchesInstance(%q) = false, want true", u)
				}
			}
			for _, u := range tt.mismatches {
				if tt.org.MatchesInstance(u) {
					t.Errorf("MatchesInstance(%q) = true, want false", u)
				}
			}
		})
	}
}

func TestLoginHostConstants(t *testing.T) {
	for _, u := range []string{ProductionLoginURL, SandboxLoginURL} {
		if got, err := ValidateLoginURL(u); err != nil || got != u {
			t.Errorf("ValidateLoginURL(%q) = %q, %v", u, got, err)
		}
		if _, err := ParseOrg(u); err == nil || err.(*OrgError).Reason != ReasonGenericLoginHost {
			t.Errorf("ParseOrg(%q) = %v, want generic_login_host", u, err)
		}
	}
}
