package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// MaxImportSize is the largest export file Import reads (1 MiB); real files
// are a few kilobytes.
const MaxImportSize = 1 << 20

// importFile is the top level of a file being imported. The sections stay
// raw so they can be decoded strictly while the top level stays lenient.
type importFile struct {
	Format     *string         `json:"format"`
	Version    *int            `json:"version"`
	Name       string          `json:"name"`
	Connection json.RawMessage `json:"connection"`
	Salesforce json.RawMessage `json:"salesforce"`
}

// Import reads an export file (see the format above) and returns the profile
// and, when the file carries them, its secrets (nil otherwise). The profile
// is validated; errors say what is wrong and where, never quoting a value.
func Import(r io.Reader) (Profile, *Secrets, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportSize+1))
	if err != nil {
		return Profile{}, nil, fmt.Errorf("import profile: read: %w", err)
	}
	if len(data) > MaxImportSize {
		return Profile{}, nil, &ImportError{Key: "profile.err.import_too_large", Args: map[string]any{"MaxMiB": MaxImportSize >> 20}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Profile{}, nil, &ImportError{Key: "profile.err.import_empty"}
	}

	var f importFile
	if err := json.Unmarshal(data, &f); err != nil {
		return Profile{}, nil, decodeError(data, "", err)
	}
	if f.Format == nil || *f.Format != FormatName {
		return Profile{}, nil, &ImportError{Key: "profile.err.import_not_profile"}
	}
	switch {
	case f.Version == nil:
		return Profile{}, nil, &ImportError{Key: "profile.err.import_version_missing"}
	case *f.Version > FormatVersion:
		return Profile{}, nil, &ImportError{Key: "profile.err.import_version_newer", Args: map[string]any{"Version": *f.Version, "Supported": FormatVersion}}
	case *f.Version < 1:
		return Profile{}, nil, &ImportError{Key: "profile.err.import_version_invalid", Args: map[string]any{"Version": *f.Version}}
	}

	var c exportConnection
	if err := decodeStrict(f.Connection, &c); err != nil {
		return Profile{}, nil, decodeError(nil, "connection.", err)
	}
	var sf exportSalesforce
	if err := decodeStrict(f.Salesforce, &sf); err != nil {
		return Profile{}, nil, decodeError(nil, "salesforce.", err)
	}
	authorizedAt, err := parseTime(sf.AuthorizedAt)
	if err != nil {
		return Profile{}, nil, &ImportError{Key: "profile.err.import_time", Args: map[string]any{"Field": "salesforce.authorized_at"}}
	}

	p := Profile{
		Name:                   f.Name,
		Namespace:              c.Namespace,
		Kind:                   sf.Kind,
		LoginURL:               sf.LoginURL,
		ClientID:               c.ClientID,
		CallbackURL:            sf.CallbackURL,
		Domain:                 c.Domain,
		MatchingAttribute:      c.MatchingAttribute,
		GenerateRandomPassword: c.GenerateRandomPassword,
		AssetName:              c.AssetName,
		AssetID:                c.AssetID,
		Memo:                   c.Memo,
		InstanceURL:            sf.InstanceURL,
		OrgID:                  sf.OrgID,
		Username:               sf.Username,
		AuthorizedAt:           authorizedAt,
		RefreshRotation:        sf.RefreshTokenRotation,
	}
	if len(sf.Scopes) > 0 {
		p.Scopes = sf.Scopes
	}
	if *f.Version == 1 || p.Kind == "" {
		// Version 1 had no kind and wrote sandboxes as "acme--dev".
		p.Kind = ""
		p.upgrade()
	}
	if err := p.Validate(); err != nil {
		return Profile{}, nil, fmt.Errorf("import profile: %w", err)
	}
	// Valid, so the namespace parses and the login URL is allowed: store it
	// in the canonical form (no path, lower case).
	org, _ := salesforce.ParseNamespace(p.Namespace)
	p.LoginURL, _ = salesforce.CheckLoginURL(p.LoginURL, org)

	var s *Secrets
	cs, rt := deref(c.ClientSecret), deref(c.RefreshToken)
	if err := checkSecrets(cs, rt); err != nil {
		return Profile{}, nil, fmt.Errorf("import profile: %w", err)
	}
	if cs != "" {
		s = &Secrets{ClientSecret: cs, RefreshToken: rt}
	}
	return p, s, nil
}

// decodeStrict decodes one section, rejecting unknown keys. A missing or
// null section decodes to the zero value (and then fails validation).
func decodeStrict(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// decodeError turns a JSON error into an *ImportError. data is the whole
// file when the error's offset refers to it (for line and column).
func decodeError(data []byte, section string, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return &ImportError{Key: "profile.err.import_syntax", Args: map[string]any{"Line": line, "Column": col}, Err: err}
	case errors.As(err, &typ):
		if section == "" && typ.Field == "" {
			// The file is JSON, but not an object.
			return &ImportError{Key: "profile.err.import_not_profile", Err: err}
		}
		field := section + typ.Field
		if section == "" && (typ.Field == "connection" || typ.Field == "salesforce") {
			field = typ.Field
		}
		return &ImportError{Key: "profile.err.import_type", Args: map[string]any{"Field": strings.TrimSuffix(field, ".")}, Err: err}
	case strings.HasPrefix(err.Error(), `json: unknown field "`):
		name := strings.TrimSuffix(strings.TrimPrefix(err.Error(), `json: unknown field "`), `"`)
		return &ImportError{Key: "profile.err.import_unknown_field", Args: map[string]any{"Field": section + name}}
	default:
		return &ImportError{Key: "profile.err.import_syntax", Args: map[string]any{"Line": 0, "Column": 0}, Err: err}
	}
}

// position returns the 1-based line and column (in characters) of the byte
// a *json.SyntaxError points at: the one just before its Offset.
func position(data []byte, offset int64) (line, col int) {
	idx := min(max(offset-1, 0), int64(len(data)))
	before := data[:idx]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// parseTime reads an RFC 3339 time and normalises it as Export writes it.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, err
	}
	t = t.UTC().Truncate(time.Second)
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, errors.New("year out of range")
	}
	return t, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
