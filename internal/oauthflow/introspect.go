package oauthflow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// introspectPath is Salesforce's RFC 7662 endpoint (Salesforce Help, "OpenID
// Connect Token Introspection").
const introspectPath = "/services/oauth2/introspect"

// Token type hints of RFC 7662 section 2.1.
const (
	HintRefreshToken = "refresh_token"
	HintAccessToken  = "access_token"
)

// Introspection is Salesforce's answer about a token. Only Active is
// guaranteed; the rest is set for an active token.
type Introspection struct {
	Active    bool
	Username  string   // the user the token acts as (sanitised for display)
	Scopes    []string // granted scopes
	ClientID  string   // the app the token belongs to
	TokenType string   // "refresh_token" or "access_token"
}

// Introspect asks Salesforce whether token is still active without using it:
// unlike a refresh, it never rotates the token, so it is safe on a refresh
// token the ID-governance console holds. The app authenticates with its
// consumer key and secret in the form body, as for the token endpoint; an app
// may introspect its own tokens. A refusal (any answer but 200 with the JSON
// of RFC 7662) is a *salesforce.OAuthError or *salesforce.HTTPError, a
// transport failure a *NetworkError: in both cases the token's state is
// unknown, not dead.
func Introspect(ctx context.Context, cfg Config, token, hint string) (*Introspection, error) {
	if token == "" {
		return nil, errors.New("oauthflow: introspect: empty token")
	}
	if cfg.ClientID == "" || cfg.ClientSecret == "" {
		return nil, errors.New("oauthflow: introspect: Config.ClientID and Config.ClientSecret are required")
	}
	form := url.Values{"token": {token}, "client_id": {cfg.ClientID}, "client_secret": {cfg.ClientSecret}}
	if hint != "" {
		form.Set("token_type_hint", hint)
	}
	status, data, err := cfg.post(ctx, "introspect token", introspectPath, form)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("oauthflow: introspect token: %w", salesforce.ParseTokenError(status, data))
	}
	var reply struct {
		Active    *bool  `json:"active"` // REQUIRED by RFC 7662 section 2.2
		Username  string `json:"username"`
		Scope     string `json:"scope"`
		ClientID  string `json:"client_id"`
		TokenType string `json:"token_type"`
	}
	if json.Unmarshal(data, &reply) != nil || reply.Active == nil {
		return nil, fmt.Errorf("oauthflow: introspect token: %w: no \"active\" in the answer", salesforce.ErrBadResponse)
	}
	return &Introspection{
		Active:    *reply.Active,
		Username:  salesforce.CleanText(reply.Username),
		Scopes:    salesforce.ParseScopes(reply.Scope),
		ClientID:  salesforce.CleanText(reply.ClientID),
		TokenType: salesforce.CleanText(reply.TokenType),
	}, nil
}
