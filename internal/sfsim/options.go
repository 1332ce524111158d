package sfsim

import (
	"log/slog"
	"time"
)

// DefaultScopes are the scopes an External Client App grants when Client.Scopes
// is empty: the minimum the governance connector needs.
var DefaultScopes = []string{"api", "refresh_token"}

// DefaultCodeTTL is how long an authorization code stays valid. Salesforce
// documents 15 minutes for the web-server flow.
const DefaultCodeTTL = 15 * time.Minute

// DefaultSessionTTL is how long an access token (a Salesforce session) stays
// valid: the org's default session timeout of two hours.
const DefaultSessionTTL = 2 * time.Hour

// Client is one External Client App registered in the simulated org.
type Client struct {
	ID     string // consumer key
	Secret string // consumer secret
	Name   string // app name shown on the consent page; default "sfconnect"
	// RedirectURIs are the callback URLs; a request must match one byte for byte.
	RedirectURIs []string
	// RequirePKCE mirrors "Require Proof Key for Code Exchange (PKCE)".
	RequirePKCE bool
	// RequireSecret mirrors "Require secret for Web Server Flow". The zero value
	// (false) lets the code exchange omit client_secret, so build clients with
	// NewClient, which sets it like the seed (ON). A wrong secret is always refused.
	RequireSecret bool
	// RequireSecretForRefresh mirrors "Require secret for Refresh Token Flow"
	// (OFF in the seed, the zero value). A wrong secret is always refused.
	RequireSecretForRefresh bool
	// Scopes are the OAuth scopes the app is allowed; default DefaultScopes.
	// "offline_access" and "refresh_token" are synonyms.
	Scopes []string
	// NotBefore models a brand-new app: until this instant (by Options.Now)
	// Salesforce still answers invalid_client_id for it.
	NotBefore time.Time
	// AdminApproved mirrors the OAuth policy Permitted Users = "Admin approved
	// users are pre-authorized": a user without User.PreAuthorized is sent
	// back with error=OAUTH_APP_ACCESS_DENIED. The zero value is "All users
	// may self-authorize".
	AdminApproved bool
	// Blocked mirrors Block in Setup > Connected Apps OAuth Usage: every
	// authorization is sent back with error=OAUTH_APP_BLOCKED.
	Blocked bool
}

// NewClient returns a client configured like the seed manual: secret required
// for the web-server flow, not for refresh, PKCE optional, scopes DefaultScopes.
func NewClient(id, secret string, redirectURIs ...string) Client {
	return Client{
		ID:            id,
		Secret:        secret,
		RedirectURIs:  redirectURIs,
		RequireSecret: true,
		Scopes:        append([]string(nil), DefaultScopes...),
	}
}

// User is the Salesforce user who signs in at the authorize endpoint.
type User struct {
	Username    string
	UserID      string // 18-char "005..." ID; generated when empty
	Email       string
	DisplayName string
	// ManageUsers is the "Manage Users" permission the connector needs.
	ManageUsers bool
	// Active must be true for token requests to succeed (else inactive_user).
	Active bool
	// PreAuthorized means the user's profile or one of the user's permission
	// sets is assigned to the app's policies (what an AdminApproved app needs).
	PreAuthorized bool
	// APIDisabled takes away the "API Enabled" permission: REST calls answer
	// 403 API_DISABLED_FOR_ORG, as for an edition without the API.
	APIDisabled bool
}

// OrgInfo describes the simulated org and where it says it lives.
type OrgInfo struct {
	OrgID string // 18-char "00D..." ID; generated when empty
	// MyDomain is the org's My Domain login host minus ".my.salesforce.com",
	// partition included: "acme" reports instance_url
	// https://acme.my.salesforce.com, "acme--dev.sandbox"
	// https://acme--dev.sandbox.my.salesforce.com, "acme-dev-ed.develop"
	// https://acme-dev-ed.develop.my.salesforce.com. StartTLS serves the org
	// under that host. Empty: instance_url is the sim's base URL.
	MyDomain string
	// InstanceURL overrides instance_url entirely when set.
	InstanceURL string
	// APIDisabled models an edition without API access: REST calls answer
	// 403 API_DISABLED_FOR_ORG.
	APIDisabled bool
}

// ConsentMode decides what the simulated user does at the authorize endpoint.
type ConsentMode int

const (
	// ConsentAuto redirects straight back with a code, as for a user who
	// already approved the app.
	ConsentAuto ConsentMode = iota
	// ConsentDeny redirects back with error=access_denied.
	ConsentDeny
	// ConsentPage shows an HTML login and consent page whose Allow and Deny
	// buttons post back to the authorize endpoint.
	ConsentPage
)

// String names the mode for logs and test output.
func (m ConsentMode) String() string {
	switch m {
	case ConsentAuto:
		return "auto"
	case ConsentDeny:
		return "deny"
	case ConsentPage:
		return "page"
	default:
		return "unknown"
	}
}

// Options configure a simulator. Zero values are filled by New.
type Options struct {
	Org     OrgInfo
	Clients []Client
	User    User // the one who signs in
	Consent ConsentMode
	// CodeTTL is the authorization code lifetime; default DefaultCodeTTL.
	CodeTTL time.Duration
	// SessionTTL is the access token lifetime; default DefaultSessionTTL.
	SessionTTL time.Duration
	// Rotation turns on refresh-token rotation: each refresh returns a new
	// refresh token and retires the old one; presenting a retired one again
	// revokes every refresh token of that authorization (reuse detection).
	Rotation bool
	// IntrospectionRefused makes the introspection endpoint answer 403, standing
	// in for any answer that is not an introspection result.
	IntrospectionRefused bool
	// NoRefreshToken makes grants lack refresh_token/offline_access, so the
	// token reply has no refresh_token and scope "api".
	NoRefreshToken bool
	// Latency is added to every request; it ends early when the request's
	// context is done.
	Latency time.Duration
	// Fail5xx makes the next N token-endpoint requests answer 503 with an HTML
	// body, like an outage page.
	Fail5xx int
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Logger receives one line per request outcome; default discards.
	Logger *slog.Logger
}

// withDefaults fills the zero values New relies on.
func (o Options) withDefaults() Options {
	if o.CodeTTL <= 0 {
		o.CodeTTL = DefaultCodeTTL
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = DefaultSessionTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Org.OrgID == "" {
		o.Org.OrgID = NewSalesforceID("00D")
	}
	if o.User.UserID == "" {
		o.User.UserID = NewSalesforceID("005")
	}
	clients := make([]Client, len(o.Clients))
	for i, c := range o.Clients {
		if len(c.Scopes) == 0 {
			c.Scopes = append([]string(nil), DefaultScopes...)
		}
		if c.Name == "" {
			c.Name = "sfconnect"
		}
		c.RedirectURIs = append([]string(nil), c.RedirectURIs...)
		clients[i] = c
	}
	o.Clients = clients
	return o
}
