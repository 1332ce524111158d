package profile

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// validProfile is a complete, valid profile; tests change one field.
func validProfile() Profile {
	return Profile{
		Name:                   "acme-prod",
		Namespace:              "acme",
		Kind:                   "production",
		LoginURL:               "https://acme.my.salesforce.com",
		ClientID:               "3MVG9fTLmJ60pJ5JrWzC0example.consumer.key_0123456789",
		CallbackURL:            "http://localhost/",
		Domain:                 "example.co.jp",
		MatchingAttribute:      "FederationIdentifier",
		GenerateRandomPassword: true,
		AssetName:              "Salesforce 本番",
		AssetID:                "sf-prod_01",
		Memo:                   "接続担当: 情報システム部\n2025年6月作成",
		InstanceURL:            "https://acme.my.salesforce.com",
		OrgID:                  "00D5g000000abcdEAA",
		Username:               "admin@example.co.jp",
		Scopes:                 []string{"api", "refresh_token", "offline_access"},
		AuthorizedAt:           time.Date(2025, 6, 1, 9, 30, 0, 0, time.UTC),
	}
}

// setOrg moves p to another org: namespace, kind, and the org's own login
// and instance URLs.
func setOrg(p *Profile, namespace, kind string) {
	p.Namespace, p.Kind = namespace, kind
	p.LoginURL = "https://" + namespace + ".my.salesforce.com"
	p.InstanceURL = p.LoginURL
}

func TestValidateAcceptsGoodValues(t *testing.T) {
	tests := map[string]func(p *Profile){
		"as is":                       func(p *Profile) {},
		"japanese name":               func(p *Profile) { p.Name = "本番 Salesforce（人事）" },
		"name with colon and dots":    func(p *Profile) { p.Name = "acme: prod.v2" },
		"64-char name":                func(p *Profile) { p.Name = strings.Repeat("名", 64) },
		"sandbox":                     func(p *Profile) { setOrg(p, "acme--dev.sandbox", "sandbox") },
		"developer edition":           func(p *Profile) { setOrg(p, "acme-dev-ed.develop", "develop") },
		"trailhead playground":        func(p *Profile) { setOrg(p, "bear-1-dev-ed.trailblaze", "trailblaze") },
		"namespace with hyphen":       func(p *Profile) { setOrg(p, "acme-corp-1", "production") },
		"40-character namespace":      func(p *Profile) { setOrg(p, strings.Repeat("a", 40), "production") },
		"simulator login URL":         func(p *Profile) { p.LoginURL = "http://127.0.0.1:54321" },
		"ipv6 loopback login":         func(p *Profile) { p.LoginURL = "http://[::1]:8080" },
		"callback with port and path": func(p *Profile) { p.CallbackURL = "http://localhost:8080/callback" },
		"callback without slash":      func(p *Profile) { p.CallbackURL = "http://localhost" },
		"no domain":                   func(p *Profile) { p.Domain = "" },
		"IDN domain":                  func(p *Profile) { p.Domain = "例え.テスト.jp" },
		"custom matching field":       func(p *Profile) { p.MatchingAttribute = "EmployeeNumber__c" },
		"namespaced matching field":   func(p *Profile) { p.MatchingAttribute = "ns__Foo__c" },
		"empty console fields":        func(p *Profile) { p.AssetName, p.AssetID, p.Memo = "", "", "" },
		"100-char asset name":         func(p *Profile) { p.AssetName = strings.Repeat("資", 100) },
		"64-char asset id":            func(p *Profile) { p.AssetID = strings.Repeat("a", 64) },
		"1000-char memo with tabs":    func(p *Profile) { p.Memo = strings.Repeat("メ\t", 500) },
		"memo with emoji joiner":      func(p *Profile) { p.Memo = "👩\u200d💻" },
		"15-char org id":              func(p *Profile) { p.OrgID = "00D5g000000abcd" },
		"never authorized":            func(p *Profile) { p.InstanceURL, p.OrgID, p.Username, p.Scopes = "", "", "", nil },
		"256-char client id":          func(p *Profile) { p.ClientID = strings.Repeat("K", 256) },
	}
	for name, mutate := range tests {
		t.Run(name, func(t *testing.T) {
			p := validProfile()
			mutate(&p)
			if err := p.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
		})
	}
}

func TestValidateRejectsBadValues(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(p *Profile)
		field  string
		key    string
	}{
		{"empty name", func(p *Profile) { p.Name = "" }, "name", "profile.err.name_required"},
		{"65-char name", func(p *Profile) { p.Name = strings.Repeat("a", 65) }, "name", "profile.err.name_too_long"},
		{"dot", func(p *Profile) { p.Name = "." }, "name", "profile.err.name_reserved"},
		{"dotdot", func(p *Profile) { p.Name = ".." }, "name", "profile.err.name_reserved"},
		{"slash", func(p *Profile) { p.Name = "a/b" }, "name", "profile.err.name_separator"},
		{"backslash", func(p *Profile) { p.Name = `..\x` }, "name", "profile.err.name_separator"},
		{"newline", func(p *Profile) { p.Name = "a\nb" }, "name", "profile.err.name_invalid_char"},
		{"bidi override", func(p *Profile) { p.Name = "abc\u202egpj" }, "name", "profile.err.name_invalid_char"},
		{"invalid utf-8", func(p *Profile) { p.Name = "a\xffb" }, "name", "profile.err.name_invalid_char"},
		{"leading space", func(p *Profile) { p.Name = " acme" }, "name", "profile.err.name_space_edge"},
		{"trailing ideographic space", func(p *Profile) { p.Name = "acme\u3000" }, "name", "profile.err.name_space_edge"},
		{"no namespace", func(p *Profile) { p.Namespace = "" }, "namespace", "profile.err.namespace_required"},
		{"namespace URL", func(p *Profile) { p.Namespace = "acme.my.salesforce.com" }, "namespace", "profile.err.namespace_invalid"},
		{"namespace leading hyphen", func(p *Profile) { p.Namespace = "-acme" }, "namespace", "profile.err.namespace_invalid"},
		{"namespace trailing hyphen", func(p *Profile) { p.Namespace = "acme-" }, "namespace", "profile.err.namespace_invalid"},
		{"namespace underscore", func(p *Profile) { p.Namespace = "ac_me" }, "namespace", "profile.err.namespace_invalid"},
		{"namespace 41 characters", func(p *Profile) { p.Namespace = strings.Repeat("a", 41) }, "namespace", "profile.err.namespace_invalid"},
		{"namespace upper case", func(p *Profile) { p.Namespace = "Acme" }, "namespace", "profile.err.namespace_invalid"},
		{"sandbox name with hyphen", func(p *Profile) { p.Namespace, p.Kind = "acme--dev-1.sandbox", "sandbox" }, "namespace", "profile.err.namespace_invalid"},
		{"triple hyphen", func(p *Profile) { p.Namespace, p.Kind = "acme---dev.sandbox", "sandbox" }, "namespace", "profile.err.namespace_invalid"},
		{"sandbox as earlier versions wrote it", func(p *Profile) { p.Namespace, p.Kind = "acme--dev", "sandbox" }, "namespace", "profile.err.namespace_invalid"},
		{"unknown partition", func(p *Profile) { p.Namespace = "acme.staging" }, "namespace", "profile.err.namespace_invalid"},
		{"sandbox ns in production", func(p *Profile) { setOrg(p, "acme--dev.sandbox", "production") }, "namespace", "profile.err.namespace_kind"},
		{"production ns as sandbox", func(p *Profile) { p.Kind = "sandbox" }, "namespace", "profile.err.namespace_kind"},
		{"developer edition as production", func(p *Profile) { setOrg(p, "acme-dev-ed.develop", "production") }, "namespace", "profile.err.namespace_kind"},
		{"no kind", func(p *Profile) { p.Kind = "" }, "kind", "profile.err.kind_invalid"},
		{"bad kind", func(p *Profile) { p.Kind = "Production" }, "kind", "profile.err.kind_invalid"},
		{"no login URL", func(p *Profile) { p.LoginURL = "" }, "login_url", "profile.err.login_url_required"},
		{"login URL not a URL", func(p *Profile) { p.LoginURL = "acme.my.salesforce.com" }, "login_url", "profile.err.login_url_invalid"},
		{"login URL with query", func(p *Profile) { p.LoginURL = "https://login.salesforce.com/?x=1" }, "login_url", "profile.err.login_url_invalid"},
		{"login URL with user", func(p *Profile) { p.LoginURL = "https://u:p@login.salesforce.com" }, "login_url", "profile.err.login_url_invalid"},
		{"login URL ftp", func(p *Profile) { p.LoginURL = "ftp://login.salesforce.com" }, "login_url", "profile.err.login_url_invalid"},
		{"login URL http remote", func(p *Profile) { p.LoginURL = "http://login.salesforce.com" }, "login_url", "profile.err.login_url_insecure"},
		{"login URL http lookalike", func(p *Profile) { p.LoginURL = "http://localhost.evil.com" }, "login_url", "profile.err.login_url_insecure"},
		{"no client id", func(p *Profile) { p.ClientID = "" }, "client_id", "profile.err.client_id_required"},
		{"client id with space", func(p *Profile) { p.ClientID = "3MVG9 abc" }, "client_id", "profile.err.client_id_invalid"},
		{"client id non-ascii", func(p *Profile) { p.ClientID = "３MVG9" }, "client_id", "profile.err.client_id_invalid"},
		{"client id 257", func(p *Profile) { p.ClientID = strings.Repeat("K", 257) }, "client_id", "profile.err.client_id_too_long"},
		{"no callback", func(p *Profile) { p.CallbackURL = "" }, "callback_url", "profile.err.callback_url_required"},
		{"callback http remote", func(p *Profile) { p.CallbackURL = "http://example.com/cb" }, "callback_url", "profile.err.callback_url_insecure"},
		{"callback fragment", func(p *Profile) { p.CallbackURL = "http://localhost/#x" }, "callback_url", "profile.err.callback_url_invalid"},
		{"callback custom scheme", func(p *Profile) { p.CallbackURL = "sfconnect://callback" }, "callback_url", "profile.err.callback_url_insecure"},
		{"callback 127.0.0.1", func(p *Profile) { p.CallbackURL = "http://127.0.0.1:1717/" }, "callback_url", "profile.err.callback_url_insecure"},
		{"https callback", func(p *Profile) { p.CallbackURL = "https://app.example.com/oauth/callback" }, "callback_url", "profile.err.callback_url_insecure"},
		{"callback port with leading zero", func(p *Profile) { p.CallbackURL = "http://localhost:08080/" }, "callback_url", "profile.err.callback_url_invalid"},
		{"domain with @", func(p *Profile) { p.Domain = "user@example.com" }, "domain", "profile.err.domain_has_at"},
		{"domain one label", func(p *Profile) { p.Domain = "example" }, "domain", "profile.err.domain_invalid"},
		{"domain empty label", func(p *Profile) { p.Domain = "example..jp" }, "domain", "profile.err.domain_invalid"},
		{"domain hyphen edge", func(p *Profile) { p.Domain = "-example.jp" }, "domain", "profile.err.domain_invalid"},
		{"domain underscore", func(p *Profile) { p.Domain = "ex_ample.jp" }, "domain", "profile.err.domain_invalid"},
		{"domain numeric tld", func(p *Profile) { p.Domain = "192.168.0.1" }, "domain", "profile.err.domain_invalid"},
		{"domain URL", func(p *Profile) { p.Domain = "https://example.jp" }, "domain", "profile.err.domain_invalid"},
		{"no matching attribute", func(p *Profile) { p.MatchingAttribute = "" }, "matching_attribute", "profile.err.matching_attribute_required"},
		{"matching label not API name", func(p *Profile) { p.MatchingAttribute = "Federation ID" }, "matching_attribute", "profile.err.matching_attribute_invalid"},
		{"matching starts with digit", func(p *Profile) { p.MatchingAttribute = "1Email" }, "matching_attribute", "profile.err.matching_attribute_invalid"},
		{"matching too long", func(p *Profile) { p.MatchingAttribute = strings.Repeat("A", 81) }, "matching_attribute", "profile.err.matching_attribute_invalid"},
		{"asset name 101", func(p *Profile) { p.AssetName = strings.Repeat("資", 101) }, "asset_name", "profile.err.asset_name_too_long"},
		{"asset name newline", func(p *Profile) { p.AssetName = "a\nb" }, "asset_name", "profile.err.asset_name_invalid"},
		{"asset id 65", func(p *Profile) { p.AssetID = strings.Repeat("a", 65) }, "asset_id", "profile.err.asset_id_too_long"},
		{"asset id space", func(p *Profile) { p.AssetID = "sf prod" }, "asset_id", "profile.err.asset_id_invalid"},
		{"asset id japanese", func(p *Profile) { p.AssetID = "本番" }, "asset_id", "profile.err.asset_id_invalid"},
		{"memo 1001", func(p *Profile) { p.Memo = strings.Repeat("m", 1001) }, "memo", "profile.err.memo_too_long"},
		{"memo NUL", func(p *Profile) { p.Memo = "a\x00b" }, "memo", "profile.err.memo_invalid"},
		{"instance http remote", func(p *Profile) { p.InstanceURL = "http://acme.my.salesforce.com" }, "instance_url", "profile.err.instance_url_invalid"},
		{"org id 16", func(p *Profile) { p.OrgID = "00D5g000000abcdE" }, "org_id", "profile.err.org_id_invalid"},
		{"username newline", func(p *Profile) { p.Username = "a\n@b.c" }, "username", "profile.err.username_invalid"},
		{"scope with space", func(p *Profile) { p.Scopes = []string{"api", "refresh token"} }, "scopes", "profile.err.scope_invalid"},
		{"empty scope", func(p *Profile) { p.Scopes = []string{""} }, "scopes", "profile.err.scope_invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProfile()
			tt.mutate(&p)
			err := p.Validate()
			var v ValidationErrors
			if !errors.As(err, &v) {
				t.Fatalf("Validate = %v, want ValidationErrors", err)
			}
			fe := v.Field(tt.field)
			if fe == nil || fe.Key != tt.key {
				t.Fatalf("errors %v; want %s on %s", err, tt.key, tt.field)
			}
			if len(v) != 1 {
				t.Errorf("one bad field gave %d errors: %v", len(v), err)
			}
			if v.MessageKey() != tt.key {
				t.Errorf("MessageKey = %q, want %q", v.MessageKey(), tt.key)
			}
		})
	}
}

func TestValidateReportsEveryField(t *testing.T) {
	err := Profile{}.Validate()
	var v ValidationErrors
	if !errors.As(err, &v) {
		t.Fatalf("Validate = %v", err)
	}
	for _, f := range []string{"name", "namespace", "kind", "login_url", "client_id", "callback_url", "matching_attribute"} {
		if v.Field(f) == nil {
			t.Errorf("no error for required field %s", f)
		}
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "name" {
		t.Errorf("errors.As *FieldError = %v, want the name error first", fe)
	}
	if len(v.Fields()) != len(v) {
		t.Error("Fields does not return every error")
	}
}
