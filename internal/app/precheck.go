package app

import (
	"context"
	"strings"

	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// CheckNew checks everything a new connection will be saved with, before any
// listener binds or browser opens: the connection input (org, consumer key
// and secret, callback URL, login URL), the profile name (valid and free)
// and the console fields, by the same rules Save applies afterwards. A value
// refused only after the sign-in would cost the admin the sign-in (its token
// is revoked), so Connect calls it first, and so must any caller that runs
// Begin and Complete itself.
func (s *Service) CheckNew(ctx context.Context, name string, in ConnectInput, f ConsoleFields) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return &InputError{Field: "name", Err: ErrRequired}
	}
	org, cfg, err := s.checkInput(&in)
	if err != nil {
		return err
	}
	p := profile.Profile{Name: name, Namespace: org.Namespace, Kind: string(org.Kind), LoginURL: cfg.LoginURL,
		ClientID: cfg.ClientID, CallbackURL: cfg.RedirectURL}
	f.ApplyTo(&p)
	if err := p.Validate(); err != nil {
		return err
	}
	exists, err := s.exists(name)
	if err != nil {
		return err
	}
	if exists {
		return &ExistsError{Name: name}
	}
	return nil
}

// signInURL is where the sign-in for org goes: its own My Domain, or the
// override when Salesforce's rule allows it for this org (a shared login
// host, a simulator on this computer).
func signInURL(org salesforce.Org, override string) (string, error) {
	if strings.TrimSpace(override) == "" {
		return org.LoginURL(), nil
	}
	return salesforce.CheckLoginURL(override, org)
}

// SignInURL returns where a sign-in with this input would go, for screens
// that show the host before anything is contacted; the error says why the
// org or the login URL cannot be used.
func SignInURL(in ConnectInput) (string, error) {
	c := CheckInput(in)
	for _, field := range []string{FieldOrg, FieldLoginURL} {
		if err := c.Err(field); err != nil {
			return "", &InputError{Field: field, Err: err}
		}
	}
	return c.SignInURL, nil
}
