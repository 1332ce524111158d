package profile

import (
	"errors"
	"fmt"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// hostRule is a field checked against Salesforce's rule for where a profile
// may send a sign-in (login_url) or its API calls (instance_url).
type hostRule struct {
	field, invalidKey, refusedKey string
	check                         func(string, salesforce.Org) (string, error)
}

var (
	loginURLRule    = hostRule{"login_url", "profile.err.login_url_invalid", "profile.err.login_url_not_allowed", salesforce.CheckLoginURL}
	instanceURLRule = hostRule{"instance_url", "profile.err.instance_url_invalid", "profile.err.instance_url_not_allowed", salesforce.CheckInstanceURL}
)

// apply checks raw for org: the org's own My Domain, the shared login hosts
// (login_url only), or a loopback simulator. A profile file is untrusted
// input, so any other host is refused, and named.
func (r hostRule) apply(raw string, org salesforce.Org, add func(field, key string, args map[string]any)) {
	_, err := r.check(raw, org)
	var ue *salesforce.URLError
	switch {
	case err == nil:
	case errors.As(err, &ue) && ue.Reason == salesforce.URLReasonNotAllowed:
		add(r.field, r.refusedKey, map[string]any{"Host": ue.Host, "Expected": ue.Expected})
	default:
		add(r.field, r.invalidKey, nil)
	}
}

// checkHosts applies the host rules to a profile read from disk, whatever
// else is wrong with it: it is what Store.Load refuses to hand out.
func (p Profile) checkHosts() error {
	org, _ := salesforce.ParseNamespace(p.Namespace) // the zero Org allows only the shared hosts
	var v ValidationErrors
	add := func(field, key string, args map[string]any) {
		v = append(v, &FieldError{Field: field, Key: key, Args: args})
	}
	loginURLRule.apply(p.LoginURL, org, add)
	if p.InstanceURL != "" {
		instanceURLRule.apply(p.InstanceURL, org, add)
	}
	if len(v) == 0 {
		return nil
	}
	e := &HostRefusedError{Name: p.Name, Field: v[0].Field, Expected: org.LoginURL()}
	if h, ok := v[0].Args["Host"].(string); ok {
		e.Host = h
	}
	return e
}

// HostRefusedError reports a saved profile whose login or instance URL names
// a host that is not its org's, Salesforce's or this computer's (the file
// was edited, or written by a tampered import). Such a profile is never used
// to contact anything; it can only be deleted.
type HostRefusedError struct {
	Name     string
	Field    string // "login_url" or "instance_url"
	Host     string // the refused host, "" when the URL was unreadable
	Expected string // the org's own login URL
}

func (e *HostRefusedError) Error() string {
	return fmt.Sprintf("profile %q: %s names a host that is not allowed (%q)", e.Name, e.Field, e.Host)
}

// MessageKey returns the translation key.
func (e *HostRefusedError) MessageKey() string { return "profile.err.host_refused" }

// MessageArgs names the profile, the host and the org's own login URL.
func (e *HostRefusedError) MessageArgs() map[string]any {
	return map[string]any{"Name": e.Name, "Host": e.Host, "Expected": e.Expected}
}
