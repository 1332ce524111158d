package salesforce

import (
	"net/url"
	"strings"

	"github.com/sfconnect/sfconnect/internal/hosts"
)

// URLReasonNotAllowed is the URLError reason for a well-formed URL whose host
// is neither the org's My Domain, nor a Salesforce login host, nor this
// computer.
const URLReasonNotAllowed = "not_allowed"

// sharedLoginHosts are the login hosts Salesforce runs for every commercial
// org: production and Developer Edition on login.salesforce.com, sandboxes
// on test.salesforce.com (Help, "Set the My Domain Login Policy"; the
// Salesforce CLI's defaults, forcedotcom/sfdx-core src/util/sfdcUrl.ts
// SfdcUrl.PRODUCTION and SfdcUrl.SANDBOX). Government Cloud Plus and China
// have login hosts of their own, but their orgs never have a namespace of
// the console's form (<name>.my.salesforce.com), so no profile can name
// them; Setup (*.my.salesforce-setup.com), Lightning and the other My Domain
// hosts serve pages, not the OAuth endpoints, and are refused too. See
// docs/SALESFORCE.md.
var sharedLoginHosts = map[string]Kind{"login.salesforce.com": Production, "test.salesforce.com": Sandbox}

// SharedLoginHost reports whether host (lower case) is one of Salesforce's
// shared login hosts, and the kind of org it signs in: production (and
// Developer Edition) at login.salesforce.com, sandboxes at
// test.salesforce.com. Such a host serves every org, so it never names one.
func SharedLoginHost(host string) (Kind, bool) {
	k, ok := sharedLoginHosts[host]
	return k, ok
}

// CheckLoginURL is the one rule for where sfconnect may send a sign-in for
// org: the browser, the authorization code, the PKCE verifier, the consumer
// secret and the refresh token all go to this URL. Allowed are the org's own
// My Domain login host (derived from its namespace, https only, default
// port), Salesforce's shared login hosts (likewise), and a loopback host
// (localhost, 127.0.0.0/8, ::1, any port, http or https: a simulator on this
// computer). It returns the URL normalised as ValidateLoginURL does. A
// malformed URL is a *URLError with its reason; a well-formed one that is
// not allowed is a *URLError with URLReasonNotAllowed, naming the host and
// the org's own login URL.
func CheckLoginURL(raw string, org Org) (string, error) {
	return checkHost(raw, org, true)
}

// CheckInstanceURL applies the same rule to a saved instance URL, where API
// calls with the access token go: the org's My Domain or a loopback
// simulator. The shared login hosts serve no org's API.
func CheckInstanceURL(raw string, org Org) (string, error) {
	return checkHost(raw, org, false)
}

func checkHost(raw string, org Org, loginHosts bool) (string, error) {
	norm, err := ValidateLoginURL(raw)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(norm)
	if err != nil {
		return "", &URLError{Reason: URLReasonInvalid}
	}
	host := u.Hostname()
	if hosts.IsLoopback(host) {
		return norm, nil
	}
	if u.Scheme == "https" && (u.Port() == "" || u.Port() == "443") {
		if org.Namespace != "" && host == org.host() {
			return "https://" + host, nil
		}
		if _, shared := SharedLoginHost(host); loginHosts && shared {
			return "https://" + host, nil
		}
	}
	return "", &URLError{Reason: URLReasonNotAllowed, Host: strings.TrimPrefix(norm, u.Scheme+"://"),
		Expected: org.LoginURL()}
}
