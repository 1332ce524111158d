package oauthflow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// Revoke invalidates an access or refresh token (revoking a refresh token
// also ends the access tokens issued from it). The token travels in the POST
// body, never in the URL. Salesforce answers 200 on success and 400 with a
// form-encoded error for a token it does not know or already revoked
// (invalid_token or unsupported_token_type, a *salesforce.OAuthError);
// callers that only want the token gone may treat that as done
// (salesforce.TokenGone).
func Revoke(ctx context.Context, cfg Config, token string) error {
	base, err := cfg.baseURL()
	if err != nil {
		return err
	}
	if token == "" {
		return errors.New("oauthflow: revoke: empty token")
	}
	body := strings.NewReader(url.Values{"token": {token}}.Encode())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+revokePath, body)
	if err != nil {
		return fmt.Errorf("oauthflow: revoke: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := cfg.client().Do(req)
	if err != nil {
		return cfg.mapError(ctx, "revoke token", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return cfg.mapError(ctx, "revoke token", &url.Error{Op: "read", URL: base + revokePath, Err: err})
	}
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	return fmt.Errorf("oauthflow: revoke token: %w", salesforce.ParseRevokeError(resp.StatusCode, data))
}
