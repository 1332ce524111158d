package profile

import (
	"errors"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// fieldKeys returns the keys Validate gives for field.
func fieldKeys(err error, field string) []string {
	var v ValidationErrors
	errors.As(err, &v)
	var keys []string
	for _, fe := range v {
		if fe.Field == field {
			keys = append(keys, fe.Key)
		}
	}
	return keys
}

// A profile holds a namespace exactly when Salesforce's rule takes it: what
// a profile accepts, a re-authorization can sign in to.
func TestNamespaceRuleIsSalesforces(t *testing.T) {
	for _, ns := range []string{
		"acme", "1acme", "a", "acme-1", "-acme", "acme-", "ac--me", "acme_x",
		strings.Repeat("a", 40), strings.Repeat("a", 41), strings.Repeat("a", 49),
		"acme--dev.sandbox", "acme--dev", "acme--1dev.sandbox", "acme--devdevdevdev.sandbox",
		"acme-dev-ed.develop", strings.Repeat("a", 40) + "-dev-ed.develop",
	} {
		org, sfErr := salesforce.ParseNamespace(ns)
		p := validProfile()
		setOrg(&p, ns, string(org.Kind))
		if sfErr != nil {
			p.Kind = "production"
		}
		keys := fieldKeys(p.Validate(), "namespace")
		if accepted := len(keys) == 0; accepted != (sfErr == nil) {
			t.Errorf("namespace %q: profile keys %v, salesforce.ParseNamespace error %v", ns, keys, sfErr)
		}
		if _, orgErr := salesforce.ParseOrg(ns); (orgErr == nil) != (sfErr == nil) && !strings.Contains(ns, "--") {
			t.Errorf("namespace %q: ParseOrg error %v, ParseNamespace error %v", ns, orgErr, sfErr)
		}
	}
	for _, ns := range []string{"1acme", strings.Repeat("a", 49)} {
		p := validProfile()
		setOrg(&p, ns, "production")
		if keys := fieldKeys(p.Validate(), "namespace"); len(keys) == 0 {
			t.Errorf("namespace %q accepted; salesforce refuses it", ns)
		}
	}
}

// The consumer key is checked with Salesforce's rule, in profile's words.
func TestClientIDRuleIsSalesforces(t *testing.T) {
	tests := map[string]string{
		"3MVG9 abc":                  "profile.err.client_id_invalid",
		"３MVG9abc":                   "profile.err.client_id_invalid",
		strings.Repeat("K", 257):     "profile.err.client_id_too_long",
		"":                           "profile.err.client_id_required",
		"3MVG9fTLmJ60pJ5Jr.example_": "",
	}
	for id, want := range tests {
		p := validProfile()
		p.ClientID = id
		keys := fieldKeys(p.Validate(), "client_id")
		if got := strings.Join(keys, ","); got != want {
			t.Errorf("client ID %.20q: keys %q, want %q", id, got, want)
		}
		if (salesforce.CheckConsumerKey(id) == nil) != (want == "") {
			t.Errorf("client ID %.20q: salesforce and profile disagree", id)
		}
	}
}
