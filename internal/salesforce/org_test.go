package salesforce

import (
	"errors"
	"strings"
	"testing"
)

func TestParseOrgAccepts(t *testing.T) {
	org := func(ns string, k Kind) Org { return Org{Namespace: ns, Kind: k} }
	prod := func(ns string) Org { return org(ns, Production) }
	sbx := func(ns string) Org { return org(ns, Sandbox) }
	dev := func(ns string) Org { return org(ns, DeveloperEdition) }
	tests := []struct {
		name, input string
		want        Org
	}{
		{"bare namespace", "acme", prod("acme")},
		{"bare with hyphen and digits", "acme-corp2", prod("acme-corp2")},
		{"bare sandbox as earlier versions wrote it", "acme--dev", sbx("acme--dev.sandbox")},
		{"sandbox namespace as the console holds it", "acme--dev.sandbox", sbx("acme--dev.sandbox")},
		{"developer edition namespace", "acme-dev-ed.develop", dev("acme-dev-ed.develop")},
		{"upper case and spaces", "  ACME--Dev \t\n", sbx("acme--dev.sandbox")},
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
		{"sandbox my domain", "https://acme--dev.sandbox.my.salesforce.com", sbx("acme--dev.sandbox")},
		{"sandbox lightning", "https://acme--uat1.sandbox.lightning.force.com/lightning/o/Account/list?filterName=Recent", sbx("acme--uat1.sandbox")},
		{"sandbox host from before enhanced domains", "https://acme--dev.my.salesforce.com/", sbx("acme--dev.sandbox")},
		{"setup domain", "https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home", prod("acme")},
		{"sandbox setup domain", "acme--dev.sandbox.my.salesforce-setup.com", sbx("acme--dev.sandbox")},
		{"experience cloud site", "https://acme.my.site.com/s/", prod("acme")},
		{"sandbox experience cloud site", "https://acme--qa.sandbox.my.site.com/s/", sbx("acme--qa.sandbox")},
		{"salesforce sites", "acme.my.salesforce-sites.com", prod("acme")},
		{"content files", "https://acme--dev.sandbox.file.force.com/sfc/servlet.shepherd", sbx("acme--dev.sandbox")},
		{"visualforce", "https://acme--c.vf.force.com/apex/Page", prod("acme")},
		{"sandbox visualforce", "https://acme--dev--c.sandbox.vf.force.com/apex/Page", sbx("acme--dev.sandbox")},
		{"legacy visualforce", "https://acme--c.visualforce.com/apex/Page", prod("acme")},
		{"legacy visualforce with instance", "acme--c.na123.visual.force.com", prod("acme")},
		{"developer edition login", "https://acme-dev-ed.develop.my.salesforce.com/", dev("acme-dev-ed.develop")},
		{"developer edition lightning", "https://acme-dev-ed.develop.lightning.force.com/lightning/page/home", dev("acme-dev-ed.develop")},
		{"developer edition setup", "acme-dev-ed.develop.my.salesforce-setup.com/lightning/setup", dev("acme-dev-ed.develop")},
		{"developer edition site", "https://acme-dev-ed.develop.my.site.com/s/", dev("acme-dev-ed.develop")},
		{"developer edition visualforce", "https://acme-dev-ed--c.develop.vf.force.com/apex/P", dev("acme-dev-ed.develop")},
		{"developer edition before partitions", "https://acme-dev-ed.my.salesforce.com", prod("acme-dev-ed")},
		{"scratch org", "https://power-data-1234-dev-ed.scratch.lightning.force.com/", org("power-data-1234-dev-ed.scratch", Scratch)},
		{"trailhead playground", "curious-bear-8k2j1h-dev-ed.trailblaze.my.salesforce.com", org("curious-bear-8k2j1h-dev-ed.trailblaze", TrailheadPlayground)},
		{"patch org", "https://acme.patch.my.salesforce.com", org("acme.patch", Patch)},
		{"demo org", "https://acme.demo.lightning.force.com", org("acme.demo", Demo)},
		{"free org", "acme.free.my.site.com", org("acme.free", Free)},
		{"40 character name", strings.Repeat("a", 40), prod(strings.Repeat("a", 40))},
		{"40 characters plus dev-ed", strings.Repeat("a", 40) + "-dev-ed.develop", dev(strings.Repeat("a", 40) + "-dev-ed.develop")},
		{"10 character sandbox", "acme--abcdefghij", sbx("acme--abcdefghij.sandbox")},
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
		{"unknown partition", "https://acme.staging.my.salesforce.com", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"legacy site", "https://acme.force.com/s/login", ReasonLegacySite, "sf.org.legacy_site"},
		{"legacy secure site", "acme-portal.secure.force.com/apex/Page", ReasonLegacySite, "sf.org.legacy_site"},
		{"bare secure site host", "https://secure.force.com/", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"site with instance label", "https://acme.na1.force.com/", ReasonNotMyDomain, "sf.org.not_my_domain"},
		{"double hyphen outside a sandbox", "https://x--y.scratch.lightning.force.com", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"sandbox namespace without sandbox name", "acme.sandbox", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"developer edition with a double hyphen", "acme--dev.develop", ReasonInvalidSandbox, "sf.org.invalid_sandbox"},
		{"government cloud plus", "https://acme.my.salesforce.mil/", ReasonGovCloudPlus, "sf.org.gov_cloud_plus"},
		{"government cloud plus lightning", "acme.lightning.crmforce.mil/lightning/page/home", ReasonGovCloudPlus, "sf.org.gov_cloud_plus"},
		{"salesforce china", "https://acme.my.sfcrmproducts.cn", ReasonChina, "sf.org.china"},
		{"salesforce china lightning", "https://acme.lightning.sfcrmapps.cn/", ReasonChina, "sf.org.china"},
		{"41 characters plus dev-ed", strings.Repeat("a", 41) + "-dev-ed.develop", ReasonTooLong, "sf.org.too_long"},
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
		login      string
		mismatches []string
	}{
		{Org{Namespace: "acme", Kind: Production}, "https://acme.my.salesforce.com",
			[]string{"https://acme2.my.salesforce.com", "https://acme.lightning.force.com", "acme.my.salesforce.com", "", "https://acme.sandbox.my.salesforce.com"}},
		{Org{Namespace: "acme--dev.sandbox", Kind: Sandbox}, "https://acme--dev.sandbox.my.salesforce.com",
			[]string{"https://acme--dev.my.salesforce.com", "https://acme.my.salesforce.com"}},
		{Org{Namespace: "acme-dev-ed.develop", Kind: DeveloperEdition}, "https://acme-dev-ed.develop.my.salesforce.com",
			[]string{"https://acme-dev-ed.my.salesforce.com", "https://acme-dev-ed.develop.lightning.force.com"}},
		{Org{}, "", []string{"https://.my.salesforce.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.org.Namespace, func(t *testing.T) {
			if got := tt.org.LoginURL(); got != tt.login {
				t.Errorf("LoginURL() = %q, want %q", got, tt.login)
			}
			wantConsole := ""
			if tt.login != "" {
				wantConsole = tt.login + "/"
			}
			if got := tt.org.ConsoleURL(); got != wantConsole {
				t.Errorf("ConsoleURL() = %q, want %q", got, wantConsole)
			}
			if tt.login == "" {
				return
			}
			for _, u := range []string{tt.login, strings.ToUpper(tt.login) + "/", tt.login + ":443/x"} {
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

// The namespace in a saved profile must be exactly what the console shows;
// only UpgradeNamespace also reads what earlier versions stored.
func TestParseNamespace(t *testing.T) {
	tests := []struct {
		ns       string
		want     Org
		upgraded Org // what UpgradeNamespace gives when ParseNamespace refuses
	}{
		{ns: "acme", want: Org{Namespace: "acme", Kind: Production}},
		{ns: "ACME--Dev.Sandbox", want: Org{Namespace: "acme--dev.sandbox", Kind: Sandbox}},
		{ns: "acme-dev-ed.develop", want: Org{Namespace: "acme-dev-ed.develop", Kind: DeveloperEdition}},
		{ns: "acme.trailblaze", want: Org{Namespace: "acme.trailblaze", Kind: TrailheadPlayground}},
		{ns: "acme--dev", upgraded: Org{Namespace: "acme--dev.sandbox", Kind: Sandbox}},
		{ns: "acme.my.salesforce.com"},
		{ns: "https://acme.my.salesforce.com/"},
		{ns: "acme.production"},
		{ns: "acme.sandbox"},
		{ns: ""},
	}
	for _, tt := range tests {
		t.Run(tt.ns, func(t *testing.T) {
			got, err := ParseNamespace(tt.ns)
			if (err == nil) != (tt.want != Org{}) || got != tt.want {
				t.Errorf("ParseNamespace(%q) = %+v, %v; want %+v", tt.ns, got, err, tt.want)
			}
			wantUp := tt.want
			if wantUp == (Org{}) {
				wantUp = tt.upgraded
			}
			up, err := UpgradeNamespace(tt.ns)
			if (err == nil) != (wantUp != Org{}) || up != wantUp {
				t.Errorf("UpgradeNamespace(%q) = %+v, %v; want %+v", tt.ns, up, err, wantUp)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds() {
		if !k.Known() || seen[k.MessageKey()] || !strings.HasPrefix(k.MessageKey(), "sf.kind.") {
			t.Errorf("kind %q: known=%v key %q (duplicate=%v)", k, k.Known(), k.MessageKey(), seen[k.MessageKey()])
		}
		seen[k.MessageKey()] = true
		if k == Production {
			continue
		}
		// Every partition label works in every host shape.
		org, err := ParseOrg("https://acme." + string(k) + ".lightning.force.com/")
		if k == Sandbox {
			org, err = ParseOrg("https://acme--x." + string(k) + ".lightning.force.com/")
		}
		if err != nil || org.Kind != k || !strings.HasSuffix(org.Namespace, "."+string(k)) {
			t.Errorf("kind %q: ParseOrg = %+v, %v", k, org, err)
		}
	}
	if Kind("staging").Known() || Kind("").Known() {
		t.Error("an unknown kind reports itself known")
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
