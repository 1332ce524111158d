package profile

import (
	"errors"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sfconnect/sfconnect/internal/hosts"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// Limits on field lengths, in characters unless noted.
const (
	MaxNameLen              = 64
	MaxDomainLen            = 253 // bytes, as in DNS
	MaxMatchingAttributeLen = 80
	MaxAssetNameLen         = 100
	MaxAssetIDLen           = 64
	MaxMemoLen              = 1000
	MaxUsernameLen          = 80 // Salesforce usernames are at most 80 characters
)

// MaxClientIDLen bounds the client ID (consumer key), in bytes: Salesforce's
// rule (salesforce.CheckConsumerKey).
const MaxClientIDLen = salesforce.MaxConsumerKeyLen

var (
	// Salesforce field API names: Username, FederationIdentifier, Foo__c, ns__Foo__c.
	apiNameRE = lazyRegexp(`^[A-Za-z][A-Za-z0-9_]*$`)
	assetIDRE = lazyRegexp(`^[A-Za-z0-9_-]+$`)
	// Salesforce record IDs are 15 (case-sensitive) or 18 characters.
	orgIDRE = lazyRegexp(`^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$`)
)

// Validate checks every field and returns ValidationErrors listing all
// problems, or nil.
func (p Profile) Validate() error {
	var v ValidationErrors
	add := func(field, key string, args map[string]any) {
		v = append(v, &FieldError{Field: field, Key: key, Args: args})
	}
	validateName(p.Name, add)

	org, orgOK := validateNamespace(p.Namespace, p.Kind, add)

	switch checkURL(p.LoginURL) {
	case urlMissing:
		add("login_url", "profile.err.login_url_required", nil)
	case urlInvalid:
		add("login_url", "profile.err.login_url_invalid", nil)
	case urlInsecure:
		add("login_url", "profile.err.login_url_insecure", nil)
	default:
		if orgOK {
			loginURLRule.apply(p.LoginURL, org, add)
		}
	}

	var keyErr *salesforce.CredentialError
	switch err := salesforce.CheckConsumerKey(p.ClientID); {
	case p.ClientID == "":
		add("client_id", "profile.err.client_id_required", nil)
	case errors.As(err, &keyErr) && keyErr.Reason == salesforce.CredentialTooLong:
		add("client_id", "profile.err.client_id_too_long", map[string]any{"Max": MaxClientIDLen})
	case err != nil:
		add("client_id", "profile.err.client_id_invalid", nil)
	}

	if key := callbackURLKey(p.CallbackURL); key != "" {
		add("callback_url", key, nil)
	}

	if p.Domain != "" {
		switch {
		case strings.Contains(p.Domain, "@"):
			add("domain", "profile.err.domain_has_at", nil)
		case !validDomain(p.Domain):
			add("domain", "profile.err.domain_invalid", nil)
		}
	}

	switch {
	case p.MatchingAttribute == "":
		add("matching_attribute", "profile.err.matching_attribute_required", nil)
	case len(p.MatchingAttribute) > MaxMatchingAttributeLen || !apiNameRE.MatchString(p.MatchingAttribute):
		add("matching_attribute", "profile.err.matching_attribute_invalid", map[string]any{"Max": MaxMatchingAttributeLen})
	}

	switch {
	case !singleLine(p.AssetName):
		add("asset_name", "profile.err.asset_name_invalid", nil)
	case utf8.RuneCountInString(p.AssetName) > MaxAssetNameLen:
		add("asset_name", "profile.err.asset_name_too_long", map[string]any{"Max": MaxAssetNameLen})
	}
	switch {
	case len(p.AssetID) > MaxAssetIDLen:
		add("asset_id", "profile.err.asset_id_too_long", map[string]any{"Max": MaxAssetIDLen})
	case p.AssetID != "" && !assetIDRE.MatchString(p.AssetID):
		add("asset_id", "profile.err.asset_id_invalid", nil)
	}
	switch {
	case !validMemo(p.Memo):
		add("memo", "profile.err.memo_invalid", nil)
	case utf8.RuneCountInString(p.Memo) > MaxMemoLen:
		add("memo", "profile.err.memo_too_long", map[string]any{"Max": MaxMemoLen})
	}

	switch {
	case p.InstanceURL == "":
	case checkURL(p.InstanceURL) != urlOK:
		add("instance_url", "profile.err.instance_url_invalid", nil)
	case orgOK:
		instanceURLRule.apply(p.InstanceURL, org, add)
	}
	if p.OrgID != "" && !orgIDRE.MatchString(p.OrgID) {
		add("org_id", "profile.err.org_id_invalid", nil)
	}
	if !singleLine(p.Username) || strings.TrimSpace(p.Username) != p.Username || utf8.RuneCountInString(p.Username) > MaxUsernameLen {
		add("username", "profile.err.username_invalid", map[string]any{"Max": MaxUsernameLen})
	}
	for _, s := range p.Scopes {
		if s == "" || !printableASCII(s) {
			add("scopes", "profile.err.scope_invalid", map[string]any{"Scope": s})
			break
		}
	}
	if len(v) == 0 {
		return nil
	}
	return v
}

// validateNamespace applies Salesforce's rule for the console's namespace (one
// rule, owned by package salesforce) and checks that the kind agrees with it.
// The stored form is the canonical one: lower case, partition label included.
// It returns the org when the namespace is valid.
func validateNamespace(ns, kind string, add func(field, key string, args map[string]any)) (salesforce.Org, bool) {
	org, err := salesforce.ParseNamespace(ns)
	switch {
	case ns == "":
		add("namespace", "profile.err.namespace_required", nil)
	case err != nil || org.Namespace != ns:
		add("namespace", "profile.err.namespace_invalid", nil)
	}
	switch {
	case !salesforce.Kind(kind).Known():
		add("kind", "profile.err.kind_invalid", map[string]any{"Value": kind})
	case err == nil && string(org.Kind) != kind:
		add("namespace", "profile.err.namespace_kind", nil)
	}
	return org, err == nil && org.Namespace == ns
}

// validateName applies the profile-name rules. The name is shown to users,
// used in keychain account names and mapped to a file name (see fileName).
func validateName(name string, add func(field, key string, args map[string]any)) {
	switch {
	case name == "":
		add("name", "profile.err.name_required", nil)
	case !utf8.ValidString(name):
		add("name", "profile.err.name_invalid_char", nil)
	case utf8.RuneCountInString(name) > MaxNameLen:
		add("name", "profile.err.name_too_long", map[string]any{"Max": MaxNameLen})
	case name == "." || name == "..":
		add("name", "profile.err.name_reserved", nil)
	case strings.ContainsAny(name, `/\`):
		add("name", "profile.err.name_separator", nil)
	case strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsGraphic(r) }):
		// Control and format characters (including bidi overrides) could
		// hide or disguise the name.
		add("name", "profile.err.name_invalid_char", nil)
	case strings.TrimFunc(name, unicode.IsSpace) != name:
		add("name", "profile.err.name_space_edge", nil)
	}
}

type urlCheck int

const (
	urlOK urlCheck = iota
	urlMissing
	urlInvalid
	urlInsecure
)

// checkURL accepts https URLs and, for the local simulator, http URLs whose
// host is a loopback name or address.
func checkURL(raw string) urlCheck {
	if raw == "" {
		return urlMissing
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.User != nil || u.Host == "" || u.Hostname() == "" ||
		u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || strings.ContainsAny(raw, " \t\r\n") {
		return urlInvalid
	}
	switch err := hosts.CheckTransport(u); {
	case err == nil:
		return urlOK
	case errors.Is(err, hosts.ErrPlainHTTP):
		return urlInsecure
	default:
		return urlInvalid
	}
}

// callbackURLKey applies the callback listener's rule
// (hosts.ParseCallbackURL: http://localhost[:PORT]/path), so a profile holds
// only a callback that a sign-in can listen on, and returns the key of
// profile's text for a refusal, or "". A URL that is not this computer's
// localhost over http is "insecure"; one the listener cannot match (port,
// query, malformed) is "invalid".
func callbackURLKey(raw string) string {
	if raw == "" {
		return "profile.err.callback_url_required"
	}
	switch _, _, err := hosts.ParseCallbackURL(raw); {
	case err == nil:
		return ""
	case errors.Is(err, hosts.ErrCallbackScheme), errors.Is(err, hosts.ErrCallbackHost):
		return "profile.err.callback_url_insecure"
	default:
		return "profile.err.callback_url_invalid"
	}
}

// validDomain checks an e-mail domain such as example.co.jp: at least two
// dot-separated labels of letters (any script), digits and inner hyphens.
func validDomain(d string) bool {
	if !utf8.ValidString(d) || len(d) > MaxDomainLen {
		return false
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return strings.ContainsFunc(tld, unicode.IsLetter)
}

// printableASCII reports whether s is non-empty visible ASCII (no spaces).
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return s != ""
}

// singleLine reports whether s is valid UTF-8 without control or format
// characters.
func singleLine(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
	})
}

// validMemo allows line breaks, tabs and format characters (emoji joiners)
// but no other control characters.
func validMemo(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
		return r != '\n' && r != '\r' && r != '\t' && unicode.IsControl(r)
	})
}
