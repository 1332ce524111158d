package salesforce

import (
	"net/url"
	"strings"
)

// Environment tells a production org from a sandbox.
type Environment string

// The two environments an org can be in.
const (
	Production Environment = "production"
	Sandbox    Environment = "sandbox"
)

// Shared Salesforce login hosts. They serve every org, so they never identify one;
// sfconnect talks to the org's My Domain instead (see Org.LoginURL).
const (
	ProductionLoginURL = "https://login.salesforce.com"
	SandboxLoginURL    = "https://test.salesforce.com"
)

// OrgExample is the shape shown to admins whenever an org entry is rejected: it is
// the form the ID-governance console uses for its "namespace" field.
const OrgExample = "https://<namespace>.my.salesforce.com/"

// My Domain name rules (Salesforce Help, "My Domain"): letters, digits and hyphens,
// starting with a letter, at most 40 characters. A sandbox appends "--" and the
// sandbox name: letters and digits, starting with a letter, at most 10 characters.
const (
	maxNameLen     = 40
	maxSandboxLen  = 10
	maxInputLen    = 2048
	sandboxMarker  = "--"
	myDomainSuffix = ".my.salesforce.com"
)

// Org identifies a Salesforce org by its My Domain name.
type Org struct {
	// Namespace is the My Domain label as the console wants it, lower case:
	// "acme" for production, "acme--dev" for the sandbox "dev" of acme.
	Namespace string
	// Environment is Sandbox exactly when Namespace contains "--".
	Environment Environment
}

// MyDomainURL returns the org's My Domain base URL without a trailing slash, e.g.
// https://acme.my.salesforce.com or https://acme--dev.sandbox.my.salesforce.com.
// It returns "" for the zero Org.
func (o Org) MyDomainURL() string {
	if o.Namespace == "" {
		return ""
	}
	return "https://" + o.myDomainHost()
}

// LoginURL returns the base URL that serves this org's authorize and token
// endpoints by default: its My Domain, which works whatever login policy the org has
// (login.salesforce.com may be blocked by "Prevent login from login.salesforce.com").
func (o Org) LoginURL() string {
	return o.MyDomainURL()
}

// MatchesInstance reports whether instanceURL (the token response's instance_url)
// is this org's My Domain host, compared case-insensitively. A mismatch means the
// admin logged in to another org than the one entered.
func (o Org) MatchesInstance(instanceURL string) bool {
	if o.Namespace == "" {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(instanceURL))
	if err != nil || u.Host == "" {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	return host == o.myDomainHost()
}

func (o Org) myDomainHost() string {
	ns := strings.ToLower(o.Namespace)
	if o.Environment == Sandbox || strings.Contains(ns, sandboxMarker) {
		return ns + ".sandbox" + myDomainSuffix
	}
	return ns + myDomainSuffix
}

// ParseOrg turns what an admin pastes into an Org: a bare namespace ("acme",
// "acme--dev"), or any URL or host of the org (My Domain, Lightning, Setup,
// Experience Cloud, Visualforce), with or without scheme, path or query, in any
// case, with surrounding spaces. Full-width ASCII typed with a Japanese IME is
// folded first. Anything else is an *OrgError saying what was expected.
func ParseOrg(input string) (Org, error) {
	s := strings.TrimSpace(foldFullWidth(input))
	s = strings.TrimSpace(strings.Trim(s, `"'<>`))
	if s == "" {
		return Org{}, &OrgError{Reason: ReasonEmpty}
	}
	if len(s) > maxInputLen {
		return Org{}, &OrgError{Reason: ReasonTooLong}
	}
	lower := strings.ToLower(s)
	if !strings.ContainsAny(lower, "./:") {
		return orgFromLabel(lower, false)
	}
	host, err := hostOf(lower)
	if err != nil {
		return Org{}, err
	}
	return orgFromHost(host)
}

// hostOf extracts the host from a URL or a scheme-less "host/path" entry.
func hostOf(s string) (string, error) {
	if !strings.Contains(s, "://") {
		s = "https://" + strings.TrimLeft(s, "/")
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return "", &OrgError{Reason: ReasonInvalidURL}
	}
	host := strings.TrimSuffix(u.Hostname(), ".")
	if host == "" {
		return "", &OrgError{Reason: ReasonInvalidURL}
	}
	for _, r := range host {
		if !isHostRune(r) {
			// Never echo the host: a token pasted by mistake would land here.
			return "", &OrgError{Reason: ReasonInvalidChars, Char: string(r)}
		}
	}
	if len(host) > 253 {
		return "", &OrgError{Reason: ReasonTooLong}
	}
	return host, nil
}

func isHostRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.'
}

// foldFullWidth maps full-width ASCII (U+FF01-U+FF5E) and the ideographic space to
// ASCII, so "ａｃｍｅ" typed in a Japanese IME is read as "acme".
func foldFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}
