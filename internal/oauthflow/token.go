package oauthflow

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"golang.org/x/oauth2"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// Token is Salesforce's token reply. Salesforce sends no expires_in, so
// there is no expiry: an access token is good until a REST call answers 401.
type Token struct {
	AccessToken  string
	RefreshToken string // empty when the reply had none (see Refresh)
	InstanceURL  string // https://acme.my.salesforce.com: where REST calls go
	ID           string // identity URL
	Scope        string // granted scopes, space separated
	TokenType    string // "Bearer"
	Signature    string // HMAC of id + issued_at (not checked here)
	IssuedAt     time.Time
}

// Exchange trades an authorization code for tokens (grant_type=
// authorization_code) with the PKCE verifier from Begin. A Salesforce
// refusal is a *salesforce.OAuthError (or *salesforce.HTTPError for 5xx and
// non-JSON answers), a transport failure a *NetworkError. A reply without a
// refresh token returns the token together with a *NoRefreshTokenError, so
// that the caller can still use or revoke the access token.
func Exchange(ctx context.Context, cfg Config, code, verifier string) (*Token, error) {
	oc, err := cfg.oauth2(nil)
	if err != nil {
		return nil, err
	}
	if code == "" {
		return nil, errors.New("oauthflow: exchange: empty authorization code")
	}
	var opts []oauth2.AuthCodeOption
	if verifier != "" {
		opts = append(opts, oauth2.VerifierOption(verifier))
	}
	tok, err := oc.Exchange(cfg.context(ctx), code, opts...)
	if err != nil {
		return nil, cfg.mapError(ctx, "exchange code", err)
	}
	t, err := fromOAuth2(tok)
	if err != nil {
		return nil, fmt.Errorf("oauthflow: exchange code: %w", err)
	}
	if t.RefreshToken == "" {
		return t, &NoRefreshTokenError{GrantedScopes: salesforce.ParseScopes(t.Scope)}
	}
	return t, nil
}

// Refresh gets a new access token (grant_type=refresh_token). When the app
// rotates refresh tokens, the reply carries a new one in RefreshToken and the
// old one is dead; otherwise RefreshToken is empty and the caller keeps the
// one it has. Errors are as for Exchange; a revoked or expired refresh token
// is a *salesforce.OAuthError with code invalid_grant.
func Refresh(ctx context.Context, cfg Config, refreshToken string) (*Token, error) {
	oc, err := cfg.oauth2(nil)
	if err != nil {
		return nil, err
	}
	if refreshToken == "" {
		return nil, errors.New("oauthflow: refresh: empty refresh token")
	}
	// TokenSource with an already-expired token forces exactly one refresh.
	src := oc.TokenSource(cfg.context(ctx), &oauth2.Token{RefreshToken: refreshToken, Expiry: time.Unix(1, 0)})
	tok, err := src.Token()
	if err != nil {
		return nil, cfg.mapError(ctx, "refresh token", err)
	}
	t, err := fromOAuth2(tok)
	if err != nil {
		return nil, fmt.Errorf("oauthflow: refresh token: %w", err)
	}
	return t, nil
}

// context hands the HTTP client to x/oauth2.
func (cfg Config) context(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, cfg.client())
}

// mapError turns an x/oauth2 or transport error into this package's and
// salesforce's typed errors. Raw bodies and x/oauth2 parse messages are not
// kept: they could quote a token.
func (cfg Config) mapError(ctx context.Context, op string, err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		status := 0
		if re.Response != nil {
			status = re.Response.StatusCode
		}
		return fmt.Errorf("oauthflow: %s: %w", op, salesforce.ParseTokenError(status, re.Body))
	}
	if ctx.Err() != nil {
		return fmt.Errorf("oauthflow: %s: %w", op, ctx.Err())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("oauthflow: %s: %w", op, &NetworkError{Host: cfg.host(), Err: ue.Err})
	}
	// x/oauth2 could not read a 2xx reply (not JSON, no access_token).
	return fmt.Errorf("oauthflow: %s: %w", op, salesforce.ErrBadResponse)
}

// fromOAuth2 reads Salesforce's fields from the reply. refresh_token is read
// from the raw reply because x/oauth2 copies the old refresh token into a
// refresh reply that has none.
func fromOAuth2(tok *oauth2.Token) (*Token, error) {
	t := &Token{
		AccessToken:  tok.AccessToken,
		RefreshToken: extra(tok, "refresh_token"),
		InstanceURL:  extra(tok, "instance_url"),
		ID:           extra(tok, "id"),
		Scope:        extra(tok, "scope"),
		TokenType:    tok.TokenType,
		Signature:    extra(tok, "signature"),
	}
	if t.InstanceURL == "" {
		return nil, fmt.Errorf("%w: no instance_url", salesforce.ErrBadResponse)
	}
	if s := extra(tok, "issued_at"); s != "" {
		ms, err := strconv.ParseInt(s, 10, 64)
		if err != nil || ms <= 0 {
			return nil, fmt.Errorf("%w: issued_at is not milliseconds", salesforce.ErrBadResponse)
		}
		t.IssuedAt = time.UnixMilli(ms).UTC()
	}
	return t, nil
}

// extra returns a string field of the raw reply ("" if absent or not a
// string; a JSON number, as some proxies rewrite issued_at, is formatted).
func extra(tok *oauth2.Token, key string) string {
	switch v := tok.Extra(key).(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return ""
	}
}
