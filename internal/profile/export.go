package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sfconnect/sfconnect/internal/safetext"
)

// Export file format, version 2 ("sfconnect-profile"): UTF-8 JSON, 2-space
// indented, keys in this order:
//
//	{
//	  "format": "sfconnect-profile",
//	  "version": 2,
//	  "name": "acme-prod",
//	  "connection": {
//	    "namespace": "acme",
//	    "client_id": "3MVG9...",
//	    "client_secret": "...",          // only when secrets are exported
//	    "refresh_token": "...",          // only when secrets are exported
//	    "domain": "example.co.jp",
//	    "matching_attribute": "FederationIdentifier",
//	    "generate_random_password": false,
//	    "asset_name": "Salesforce (production)",
//	    "asset_id": "sf-prod",
//	    "memo": ""
//	  },
//	  "salesforce": {
//	    "kind": "production",            // salesforce.Kind, agrees with the namespace
//	    "login_url": "https://acme.my.salesforce.com",
//	    "callback_url": "http://localhost/",
//	    "instance_url": "https://acme.my.salesforce.com",
//	    "org_id": "00D5g000000abcdEAA",
//	    "username": "admin@example.co.jp",
//	    "scopes": ["api", "refresh_token"],
//	    "authorized_at": "2025-06-01T09:30:00Z",   // absent if never authorized
//	    "refresh_token_rotation": false
//	  },
//	  "exported_at": "2025-06-02T10:00:00Z"
//	}
//
// "connection" holds what the ID governance console asks for, under the
// console's own names; "salesforce" records where the connection came from.
// Times are RFC 3339 in UTC, whole seconds. The namespace is the console's:
// the org's My Domain login host minus ".my.salesforce.com", so a sandbox is
// "acme--dev.sandbox" and a Developer Edition org "acme-dev-ed.develop".
//
// Version 1 (sfconnect 0.1) had no "kind" and wrote a sandbox namespace as
// "acme--dev"; Import still reads it and gives "acme--dev.sandbox". Version 2
// was introduced so that an older sfconnect refuses the new namespace forms
// with "update sfconnect" instead of an invalid-namespace message.
//
// Secrets: "client_secret" and "refresh_token" appear only when the user
// chose to export secrets; otherwise the keys are absent (not empty). A file
// may carry the client secret alone (the receiver re-authorizes to get a
// token), but not a refresh token alone: the console and a refresh both need
// the client secret with it.
//
// Compatibility: Import ignores unknown top-level keys, so later versions
// may add them; unknown keys inside "connection" or "salesforce" are
// rejected (a misspelt "client_secert" must not be dropped silently), so a
// change there bumps "version". Files with a higher version are refused with
// a message to update sfconnect.
const (
	FormatName    = "sfconnect-profile"
	FormatVersion = 2
)

type exportFile struct {
	Format     string           `json:"format"`
	Version    int              `json:"version"`
	Name       string           `json:"name"`
	Connection exportConnection `json:"connection"`
	Salesforce exportSalesforce `json:"salesforce"`
	ExportedAt string           `json:"exported_at"`
}

type exportConnection struct {
	Namespace              string  `json:"namespace"`
	ClientID               string  `json:"client_id"`
	ClientSecret           *string `json:"client_secret,omitempty"`
	RefreshToken           *string `json:"refresh_token,omitempty"`
	Domain                 string  `json:"domain"`
	MatchingAttribute      string  `json:"matching_attribute"`
	GenerateRandomPassword bool    `json:"generate_random_password"`
	AssetName              string  `json:"asset_name"`
	AssetID                string  `json:"asset_id"`
	Memo                   string  `json:"memo"`
}

type exportSalesforce struct {
	Kind                 string   `json:"kind,omitempty"` // absent in version 1
	LoginURL             string   `json:"login_url"`
	CallbackURL          string   `json:"callback_url"`
	InstanceURL          string   `json:"instance_url"`
	OrgID                string   `json:"org_id"`
	Username             string   `json:"username"`
	Scopes               []string `json:"scopes"`
	AuthorizedAt         string   `json:"authorized_at,omitempty"`
	RefreshTokenRotation bool     `json:"refresh_token_rotation"`
}

// Secrets are the two keychain values that may travel in an export file.
type Secrets struct {
	ClientSecret string
	RefreshToken string
}

// MaxSecretLen bounds a secret in an export file, in bytes; it matches the
// strictest keychain (Windows Credential Manager's 2560-byte blob).
const MaxSecretLen = 2560

// Export writes p in the export format, now. With s == nil the secret keys
// are absent; otherwise the non-empty secrets are included.
func Export(w io.Writer, p Profile, s *Secrets) error {
	return ExportAt(w, p, s, time.Now())
}

// ExportAt is Export with the "exported_at" time given.
func ExportAt(w io.Writer, p Profile, s *Secrets, at time.Time) error {
	if err := p.Validate(); err != nil {
		return err
	}
	f := exportFile{
		Format:  FormatName,
		Version: FormatVersion,
		Name:    p.Name,
		Connection: exportConnection{
			Namespace:              p.Namespace,
			ClientID:               p.ClientID,
			Domain:                 p.Domain,
			MatchingAttribute:      p.MatchingAttribute,
			GenerateRandomPassword: p.GenerateRandomPassword,
			AssetName:              p.AssetName,
			AssetID:                p.AssetID,
			Memo:                   p.Memo,
		},
		Salesforce: exportSalesforce{
			Kind:                 p.Kind,
			LoginURL:             p.LoginURL,
			CallbackURL:          p.CallbackURL,
			InstanceURL:          p.InstanceURL,
			OrgID:                p.OrgID,
			Username:             p.Username,
			Scopes:               append([]string{}, p.Scopes...), // [] rather than null
			AuthorizedAt:         formatTime(p.AuthorizedAt),
			RefreshTokenRotation: p.RefreshRotation,
		},
		ExportedAt: at.UTC().Truncate(time.Second).Format(time.RFC3339),
	}
	if s != nil {
		if err := checkSecrets(s.ClientSecret, s.RefreshToken); err != nil {
			return err
		}
		if s.ClientSecret != "" {
			f.Connection.ClientSecret = &s.ClientSecret
		}
		if s.RefreshToken != "" {
			f.Connection.RefreshToken = &s.RefreshToken
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("export profile: %w", err)
	}
	// A memo may hold a bidi override (valid, but it must not act when the
	// export is printed or shown with cat): write it as \u202e.
	if _, err := w.Write(safetext.JSON(buf.Bytes())); err != nil {
		return fmt.Errorf("export profile: %w", err)
	}
	return nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// checkSecrets applies the rules shared by Export and Import. Its errors
// name the field, never the value.
func checkSecrets(clientSecret, refreshToken string) error {
	if refreshToken != "" && clientSecret == "" {
		return ValidationErrors{{Field: "client_secret", Key: "profile.err.refresh_without_secret"}}
	}
	for _, f := range []struct{ name, value string }{
		{"client_secret", clientSecret}, {"refresh_token", refreshToken},
	} {
		if len(f.value) > MaxSecretLen || !utf8.ValidString(f.value) ||
			strings.ContainsFunc(f.value, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) {
			return ValidationErrors{{Field: f.name, Key: "profile.err.secret_invalid", Args: map[string]any{"Field": f.name, "Max": MaxSecretLen}}}
		}
	}
	return nil
}
