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
	if token == "" {
		return errors.New("oauthflow: revoke: empty token")
	}
	status, data, err := cfg.post(ctx, "revoke token", revokePath, url.Values{"token": {token}})
	if err != nil {
		return err
	}
	if status == http.StatusOK {
		return nil
	}
	return fmt.Errorf("oauthflow: revoke token: %w", salesforce.ParseRevokeError(status, data))
}

// post sends form to path on the login host and returns the status and the
// body (at most 1 MiB). Redirects are not followed; transport failures are
// mapped as for the token calls.
func (cfg Config) post(ctx context.Context, op, path string, form url.Values) (int, []byte, error) {
	base, err := cfg.baseURL()
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, nil, fmt.Errorf("oauthflow: %s: %w", op, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := cfg.client().Do(req)
	if err != nil {
		return 0, nil, cfg.mapError(ctx, op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, nil, cfg.mapError(ctx, op, &url.Error{Op: "read", URL: base + path, Err: err})
	}
	return resp.StatusCode, data, nil
}
