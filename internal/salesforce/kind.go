package salesforce

import "strings"

// Kind is the kind of org a My Domain host names. With enhanced domains
// (enforced for every org since Winter '24) a sandbox's hosts carry the
// partition label "sandbox", and with partitioned domains the other
// non-production orgs carry one too (Salesforce Help, "My Domain URL Formats"
// and "Partitioned Domains"; Metadata API, MyDomainSettings.domainPartition):
//
//	production          acme.my.salesforce.com
//	sandbox             acme--dev.sandbox.my.salesforce.com
//	Developer Edition   acme-dev-ed.develop.my.salesforce.com
//	scratch             name.scratch.my.salesforce.com
//	Trailhead Playground name.trailblaze.my.salesforce.com
//	patch, demo, free   name.patch / .demo / .free.my.salesforce.com
type Kind string

// The kinds of org. The string of each non-production kind is its partition
// label in the host.
const (
	Production          Kind = "production"
	Sandbox             Kind = "sandbox"
	DeveloperEdition    Kind = "develop"
	Scratch             Kind = "scratch"
	TrailheadPlayground Kind = "trailblaze"
	Patch               Kind = "patch"
	Demo                Kind = "demo"
	Free                Kind = "free"
)

// Kinds returns every kind, production first, in a stable order (for lists
// and tests).
func Kinds() []Kind {
	return []Kind{Production, Sandbox, DeveloperEdition, Scratch, TrailheadPlayground, Patch, Demo, Free}
}

// Known reports whether k is one of Kinds.
func (k Kind) Known() bool {
	for _, known := range Kinds() {
		if k == known {
			return true
		}
	}
	return false
}

// MessageKey returns the translation key of the kind's name as Salesforce's
// UI calls it ("本番", "Sandbox", "Developer Edition", ...).
func (k Kind) MessageKey() string {
	switch k {
	case Sandbox:
		return "sf.kind.sandbox"
	case DeveloperEdition:
		return "sf.kind.develop"
	case Scratch:
		return "sf.kind.scratch"
	case TrailheadPlayground:
		return "sf.kind.trailblaze"
	case Patch:
		return "sf.kind.patch"
	case Demo:
		return "sf.kind.demo"
	case Free:
		return "sf.kind.free"
	default:
		return "sf.kind.production"
	}
}

// partitionKind returns the kind a partition label stands for; production has
// no label.
func partitionKind(label string) (Kind, bool) {
	k := Kind(label)
	return k, k != Production && k.Known()
}

// orgFromName validates a lower-case My Domain name for a kind and builds the
// Org. bare is true when the admin typed the name alone: then "acme--dev" is the
// sandbox it must be (only sandbox names contain "--"), as earlier sfconnect
// versions and the seed manual wrote it.
func orgFromName(name string, kind Kind, bare bool) (Org, error) {
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return Org{}, &OrgError{Reason: ReasonInvalidChars, Char: string(r)}
		}
	}
	base, sandbox, isSandbox := strings.Cut(name, sandboxMarker)
	if bare && isSandbox && kind == Production {
		kind = Sandbox
	}
	if len(strings.TrimSuffix(base, devEdSuffix)) > maxNameLen {
		return Org{}, &OrgError{Reason: ReasonTooLong}
	}
	if !validName(base) {
		return Org{}, &OrgError{Reason: ReasonInvalidName, Name: name}
	}
	switch {
	case kind == Sandbox && (!isSandbox || !validSandbox(sandbox)):
		return Org{}, &OrgError{Reason: ReasonInvalidSandbox, Name: name}
	case kind != Sandbox && isSandbox:
		// "--" is reserved for sandboxes: a production or partitioned name
		// with it is a typo or a sandbox host missing ".sandbox".
		return Org{}, &OrgError{Reason: ReasonInvalidSandbox, Name: name}
	}
	ns := name
	if kind != Production {
		ns += "." + string(kind)
	}
	return Org{Namespace: ns, Kind: kind}, nil
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
