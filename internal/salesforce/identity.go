package salesforce

import (
	"context"
	"encoding/json"
	"fmt"
)

// Identity is who authorized the connection, in which org.
type Identity struct {
	Username    string // Salesforce username, e.g. admin@acme.com
	UserID      string // 005... user ID
	OrgID       string // 00D... organization ID
	Email       string
	DisplayName string
}

// identityPayload covers both answers: the identity URL ("username",
// "display_name") and the OpenID Connect userinfo endpoint ("preferred_username",
// "name"). user_id, organization_id and email have the same names in both.
type identityPayload struct {
	Username          string `json:"username"`
	PreferredUsername string `json:"preferred_username"`
	UserID            string `json:"user_id"`
	OrgID             string `json:"organization_id"`
	Email             string `json:"email"`
	DisplayName       string `json:"display_name"`
	Name              string `json:"name"`
}

// Identity asks Salesforce who owns the access token: identityURL is the token
// response's "id" (https://login.salesforce.com/id/00D.../005...); when it is empty,
// the instance's /services/oauth2/userinfo is used. The URL must be https (http
// only on loopback), since the access token is sent to it.
func (c *Client) Identity(ctx context.Context, identityURL string) (Identity, error) {
	target := identityURL
	if target == "" {
		u, err := c.endpoint("/services/oauth2/userinfo", nil)
		if err != nil {
			return Identity{}, err
		}
		target = u
	} else {
		u, err := parseBaseURL(identityURL)
		if err != nil {
			return Identity{}, fmt.Errorf("identity URL: %w", err)
		}
		target = u.String()
	}
	var p identityPayload
	if err := c.getJSON(ctx, target, true, &p); err != nil {
		return Identity{}, fmt.Errorf("identity: %w", err)
	}
	id := Identity{
		Username:    clean(firstNonEmpty(p.Username, p.PreferredUsername)),
		UserID:      clean(p.UserID),
		OrgID:       clean(p.OrgID),
		Email:       clean(p.Email),
		DisplayName: clean(firstNonEmpty(p.DisplayName, p.Name)),
	}
	if id.Username == "" || id.UserID == "" || id.OrgID == "" {
		return Identity{}, fmt.Errorf("identity: %w: username, user_id or organization_id missing", ErrBadResponse)
	}
	return id, nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// clean bounds a field shown in the UI and exported in the profile.
func clean(s string) string { return sanitize(s, maxFieldRunes) }

// CleanText makes a short field from a Salesforce answer (a username, an ID)
// safe to show and store: no control or format characters, at most 256 runes.
func CleanText(s string) string { return clean(s) }

// decodeJSON decodes a whole body into out.
func decodeJSON(body []byte, out any) error {
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("decode JSON: %w", err)
	}
	return nil
}
