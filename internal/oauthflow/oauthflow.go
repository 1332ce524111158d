// Package oauthflow runs Salesforce's OAuth 2.0 web-server flow with PKCE:
// it builds the authorize URL (state, code challenge), exchanges the code,
// refreshes and revokes tokens. It is built on golang.org/x/oauth2 and sends
// the client credentials in the form body, as Salesforce's own examples do,
// never in a URL.
package oauthflow

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/sfconnect/sfconnect/internal/hosts"
	"golang.org/x/oauth2"
)

// Salesforce OAuth endpoint paths, relative to the login URL.
const (
	authorizePath = "/services/oauth2/authorize"
	tokenPath     = "/services/oauth2/token"
	revokePath    = "/services/oauth2/revoke"
)

// defaultTimeout bounds one token, refresh or revoke call when Config has no
// HTTPClient.
const defaultTimeout = 30 * time.Second

// Config identifies the org's login host and the External Client App.
type Config struct {
	// LoginURL is where authorize/token/revoke live: the My Domain URL
	// (https://acme.my.salesforce.com), login/test.salesforce.com, or a
	// simulator at http://127.0.0.1:PORT (http only for loopback hosts).
	LoginURL string
	// ClientID is the consumer key; ClientSecret the consumer secret (sent
	// only in token request bodies).
	ClientID     string
	ClientSecret string
	// RedirectURL is the callback URL exactly as registered in the app.
	RedirectURL string
	// HTTPClient is used for token, refresh and revoke calls. Default: a
	// client with a 30 s timeout. Redirects are never followed either way,
	// so a POST carrying the secret cannot be replayed to another URL.
	HTTPClient *http.Client
}

// Options tune one authorization request.
type Options struct {
	// PromptLogin adds prompt=login: Salesforce asks for credentials again,
	// so the admin can pick another user than the one signed in.
	PromptLogin bool
	// Scopes, when set, is sent as scope; otherwise Salesforce grants the
	// scopes configured on the External Client App.
	Scopes []string
}

// Start is one authorization attempt: the URL to open in the browser, the
// state the callback must carry, and the PKCE verifier for Exchange. State
// and Verifier are secrets of this attempt: never log them.
type Start struct {
	URL, State, Verifier string
}

// Begin prepares an authorization attempt with a fresh state and PKCE
// verifier (S256).
func Begin(cfg Config, opts Options) (Start, error) {
	oc, err := cfg.oauth2(opts.Scopes)
	if err != nil {
		return Start{}, err
	}
	state, err := randomState()
	if err != nil {
		return Start{}, err
	}
	verifier := oauth2.GenerateVerifier()
	params := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	if opts.PromptLogin {
		params = append(params, oauth2.SetAuthURLParam("prompt", "login"))
	}
	return Start{URL: oc.AuthCodeURL(state, params...), State: state, Verifier: verifier}, nil
}

// randomState returns 32 random bytes, base64url without padding.
func randomState() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("oauthflow: random state: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// oauth2 builds the x/oauth2 configuration after checking cfg.
func (cfg Config) oauth2(scopes []string) (*oauth2.Config, error) {
	base, err := cfg.baseURL()
	if err != nil {
		return nil, err
	}
	if cfg.ClientID == "" || cfg.RedirectURL == "" {
		return nil, errors.New("oauthflow: Config.ClientID and Config.RedirectURL are required")
	}
	return &oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		RedirectURL:  cfg.RedirectURL,
		Scopes:       scopes,
		Endpoint: oauth2.Endpoint{
			AuthURL:   base + authorizePath,
			TokenURL:  base + tokenPath,
			AuthStyle: oauth2.AuthStyleInParams,
		},
	}, nil
}

// baseURL validates LoginURL and returns it as scheme://host. Plain http is
// allowed only for loopback hosts (the simulator): the token request body
// carries the client secret.
func (cfg Config) baseURL() (string, error) {
	bad := &LoginURLError{URL: cfg.LoginURL}
	u, err := url.Parse(cfg.LoginURL)
	if err == nil && u.User != nil {
		bad.URL = u.Redacted() // never echo a password typed into the URL
	}
	if err != nil || u.Host == "" || u.User != nil || u.RawQuery != "" || u.ForceQuery ||
		u.Fragment != "" || (u.Path != "" && u.Path != "/") || hosts.CheckTransport(u) != nil {
		return "", bad
	}
	return u.Scheme + "://" + u.Host, nil
}

// host returns the login host for messages ("cannot reach <host>").
func (cfg Config) host() string {
	if u, err := url.Parse(cfg.LoginURL); err == nil && u.Host != "" {
		return u.Host
	}
	return cfg.LoginURL
}

// client returns the HTTP client to use, never following redirects.
func (cfg Config) client() *http.Client {
	c := &http.Client{Timeout: defaultTimeout}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		c = &copied
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}
