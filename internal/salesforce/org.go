package salesforce

import (
	"net/url"
	"strings"
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

// My Domain name rules (Salesforce Help, "My Domain" and "My Domain URL Formats"):
// letters, digits and hyphens, starting with a letter, at most 40 characters. A
// sandbox appends "--" and the sandbox name: letters and digits, starting with a
// letter, at most 10 characters. Developer Edition (and scratch, Trailhead
// Playground) names get "-dev-ed" appended by Salesforce; it is not counted.
const (
	maxNameLen     = 40
	maxSandboxLen  = 10
	maxInputLen    = 2048
	sandboxMarker  = "--"
	devEdSuffix    = "-dev-ed"
	myDomainSuffix = ".my.salesforce.com"
)

// Org identifies a Salesforce org by its My Domain login host.
type Org struct {
	// Namespace is what the ID-governance console calls ネームスペース: the org's
	// My Domain login host minus ".my.salesforce.com", lower case. "acme" for
	// production, "acme--dev.sandbox" for the sandbox "dev" of acme,
	// "acme-dev-ed.develop" for a Developer Edition org.
	Namespace string
	// Kind is the kind of org the host names; it is the partition label of the
	// namespace ("sandbox", "develop", ...) or Production when there is none.
	Kind Kind
}

// LoginURL returns the org's My Domain login URL without a trailing slash, e.g.
// https://acme--dev.sandbox.my.salesforce.com: where the authorize and token
// endpoints live for this org whatever its login policy ("Prevent login from
// login.salesforce.com" blocks the shared hosts). It is "" for the zero Org.
func (o Org) LoginURL() string {
	if o.Namespace == "" {
		return ""
	}
	return "https://" + o.host()
}

// ConsoleURL returns the URL the ID-governance console builds from the namespace,
// https://<namespace>.my.salesforce.com/, which is the org's real login URL. It
// is "" for the zero Org.
func (o Org) ConsoleURL() string {
	if o.Namespace == "" {
		return ""
	}
	return o.LoginURL() + "/"
}

// MyDomainName returns the My Domain name without the partition label: "acme",
// "acme--dev", "acme-dev-ed".
func (o Org) MyDomainName() string {
	name, _, _ := strings.Cut(o.Namespace, ".")
	return name
}

// MatchesInstance reports whether instanceURL (the token response's instance_url)
// is this org's My Domain host, compared case-insensitively. A mismatch means the
// admin signed in to another org than the one entered.
func (o Org) MatchesInstance(instanceURL string) bool {
	if o.Namespace == "" {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(instanceURL))
	if err != nil || u.Host == "" {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	return host == o.host()
}

func (o Org) host() string { return strings.ToLower(o.Namespace) + myDomainSuffix }

// ParseOrg turns what an admin pastes into an Org: a bare namespace ("acme",
// "acme--dev.sandbox", "acme-dev-ed.develop"; "acme--dev" is read as the sandbox
// it always is), or any URL or host of the org (My Domain, Lightning, Setup,
// Experience Cloud, Salesforce Sites, Visualforce, content), with or without
// scheme, path or query, in any case, with surrounding spaces. Full-width ASCII
// typed with a Japanese IME is folded first. Anything else is an *OrgError saying
// what was expected.
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
		return orgFromName(lower, Production, true)
	}
	host, err := hostOf(lower)
	if err != nil {
		return Org{}, err
	}
	return orgFromHost(host)
}

// ParseNamespace reads a namespace exactly as the console field holds it
// ("acme", "acme--dev.sandbox", "acme-dev-ed.develop"), in any case; no URL, no
// host suffix. It is the rule profiles are validated with. The form earlier
// sfconnect versions wrote for sandboxes ("acme--dev") is refused here: see
// UpgradeNamespace.
func ParseNamespace(ns string) (Org, error) {
	s := strings.ToLower(ns)
	if s == "" {
		return Org{}, &OrgError{Reason: ReasonEmpty}
	}
	if len(s) > maxInputLen {
		return Org{}, &OrgError{Reason: ReasonTooLong}
	}
	name, partition, dotted := strings.Cut(s, ".")
	if !dotted {
		return orgFromName(name, Production, false)
	}
	kind, ok := partitionKind(partition)
	if !ok {
		return Org{}, &OrgError{Reason: ReasonInvalidChars, Char: "."}
	}
	return orgFromName(name, kind, false)
}

// UpgradeNamespace reads a namespace as this or an earlier sfconnect version
// stored it: earlier versions wrote a sandbox as "acme--dev", which names the
// same org as "acme--dev.sandbox" (a double hyphen only ever appears in sandbox
// My Domain names). The result is in the current form.
func UpgradeNamespace(ns string) (Org, error) {
	org, err := ParseNamespace(ns)
	if err == nil || strings.Contains(ns, ".") {
		return org, err
	}
	return orgFromName(strings.ToLower(ns), Production, true)
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
