package profile

import (
	"errors"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/callback"
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

// A profile holds a callback URL exactly when the callback listener can
// serve it: what a profile accepts, a re-authorization can listen on. A
// refusal is worded in profile's texts: not http on localhost is
// "insecure", anything else the listener cannot match is "invalid".
func TestCallbackRuleIsTheListeners(t *testing.T) {
	for _, raw := range []string{
		"http://localhost/", "http://localhost", "http://localhost:8765/callback", "http://LOCALHOST:80/cb/",
		"https://h/cb", "https://localhost/", "http://127.0.0.1/cb", "http://127.0.0.1:8080/callback",
		"http://[::1]/cb", "http://example.com/cb", "sfconnect://callback", "localhost:8765/callback",
		"http://localhost:0/", "http://localhost:080/", "http://localhost:/", "http://localhost:65536/",
		"http://localhost/?x=1", "http://localhost/#x", "http://localhost/call back", "http://user@localhost/",
		"/callback", "http://localhost/\n",
	} {
		p := validProfile()
		p.CallbackURL = raw
		keys := fieldKeys(p.Validate(), "callback_url")
		_, _, listenErr := callback.ParseRedirectURL(raw)
		if accepted := len(keys) == 0; accepted != (listenErr == nil) {
			t.Errorf("callback %q: profile keys %v, listener error %v", raw, keys, listenErr)
			continue
		}
		var re *callback.RedirectURLError
		if !errors.As(listenErr, &re) {
			continue
		}
		want := "profile.err.callback_url_invalid"
		if re.Reason == "scheme" || re.Reason == "host" {
			want = "profile.err.callback_url_insecure"
		}
		if got := strings.Join(keys, ","); got != want {
			t.Errorf("callback %q (listener: %s): profile keys %q, want %q", raw, re.Reason, got, want)
		}
	}
}
