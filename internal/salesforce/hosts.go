package salesforce

import "strings"

// Hosts whose first label is the org's My Domain name, with enhanced domains
// (Salesforce Help, "My Domain URL Formats"): production "<ns>.<suffix>", sandbox
// "<ns>--<sandbox>.sandbox.<suffix>".
var myDomainSuffixes = []string{
	myDomainSuffix,             // login and API
	".lightning.force.com",     // Lightning Experience
	".my.salesforce-setup.com", // Setup
	".my.site.com",             // Experience Cloud sites
	".my.salesforce-sites.com", // Salesforce Sites
	".file.force.com",          // content files
}

// Visualforce hosts put a package label after the name: "<ns>--c.vf.force.com",
// sandbox "<ns>--<sandbox>--c.sandbox.vf.force.com"; before enhanced domains
// "<ns>--c.<instance>.visual.force.com" or "<ns>--c.visualforce.com".
var visualforceSuffixes = []string{".vf.force.com", ".visualforce.com", ".visual.force.com"}

// Second-level labels of enhanced-domain orgs that are neither production nor
// sandbox (Developer Edition, scratch, patch, Trailhead Playground, demo, free).
// Their hosts cannot be written as namespace + environment, so they are refused
// with a clear reason instead of being mapped to a host that does not exist.
var otherEditionLabels = map[string]bool{
	"develop": true, "scratch": true, "patch": true, "trailblaze": true, "demo": true, "free": true,
}

// Salesforce-owned domains: a host under them that is not one of the shapes above
// is a real Salesforce address that does not name an org (an instance such as
// na123.salesforce.com, help.salesforce.com, ...).
var salesforceDomains = []string{
	"salesforce.com", "force.com", "site.com", "salesforce-setup.com",
	"salesforce-sites.com", "visualforce.com", "cloudforce.com",
}

func orgFromHost(host string) (Org, error) {
	if host == "login.salesforce.com" || host == "test.salesforce.com" {
		return Org{}, &OrgError{Reason: ReasonGenericLoginHost, Host: host}
	}
	for _, suffix := range myDomainSuffixes {
		if prefix, ok := strings.CutSuffix(host, suffix); ok {
			return orgFromLabels(host, strings.Split(prefix, "."), false)
		}
	}
	for _, suffix := range visualforceSuffixes {
		if prefix, ok := strings.CutSuffix(host, suffix); ok {
			return orgFromLabels(host, strings.Split(prefix, "."), true)
		}
	}
	for _, d := range salesforceDomains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
		}
	}
	return Org{}, &OrgError{Reason: ReasonNotSalesforce, Host: host}
}

// orgFromLabels reads the labels in front of a known suffix: the name label,
// optionally followed by "sandbox" (enhanced domains), an edition label, or, for
// legacy Visualforce, an instance label such as "na1".
func orgFromLabels(host string, labels []string, visualforce bool) (Org, error) {
	label := labels[0]
	hostSandbox := false
	switch {
	case len(labels) == 1:
	case len(labels) == 2 && labels[1] == "sandbox":
		hostSandbox = true
	case len(labels) == 2 && otherEditionLabels[labels[1]]:
		return Org{}, &OrgError{Reason: ReasonUnsupportedEdition, Host: host}
	case len(labels) == 2 && visualforce && !strings.HasSuffix(host, ".vf.force.com"):
		// legacy instance label (na1, cs42, ...): carries no org information
	default:
		return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
	}
	if visualforce {
		i := strings.LastIndex(label, sandboxMarker)
		if i <= 0 {
			return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
		}
		label = label[:i]
	}
	if label == "" {
		return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
	}
	return orgFromLabel(label, hostSandbox)
}

// orgFromLabel validates a lower-case My Domain label ("acme" or "acme--dev").
// hostSandbox is true when the host said ".sandbox.", which requires the "--" form.
func orgFromLabel(label string, hostSandbox bool) (Org, error) {
	for _, r := range label {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return Org{}, &OrgError{Reason: ReasonInvalidChars, Char: string(r)}
		}
	}
	name, sandbox, isSandbox := strings.Cut(label, sandboxMarker)
	if len(name) > maxNameLen {
		return Org{}, &OrgError{Reason: ReasonTooLong}
	}
	if !validName(name) {
		return Org{}, &OrgError{Reason: ReasonInvalidName, Name: label}
	}
	if !isSandbox {
		if hostSandbox {
			return Org{}, &OrgError{Reason: ReasonInvalidSandbox, Name: label}
		}
		return Org{Namespace: label, Environment: Production}, nil
	}
	if !validSandbox(sandbox) {
		return Org{}, &OrgError{Reason: ReasonInvalidSandbox, Name: label}
	}
	return Org{Namespace: label, Environment: Sandbox}, nil
}

// validName: starts with a letter, letters/digits/single hyphens, no trailing hyphen.
func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	return !strings.Contains(s, sandboxMarker)
}

// validSandbox: starts with a letter, letters and digits only, at most 10.
func validSandbox(s string) bool {
	if s == "" || len(s) > maxSandboxLen || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
