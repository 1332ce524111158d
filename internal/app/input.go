package app

import (
	"strings"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// ErrRequired is a field's result in InputCheck when it is empty. Shown
// under the field, it says to fill it in; wrapped in *InputError, the field
// is named.
var ErrRequired = &keyedError{msg: "required", key: "app.input.required"}

// The fields of a ConnectInput that CheckInput reports on, in the order
// Begin checks them.
const (
	FieldOrg          = "org"
	FieldClientID     = "client_id"
	FieldClientSecret = "client_secret"
	FieldCallbackURL  = "callback_url"
	FieldLoginURL     = "login_url"
)

var inputFields = []string{FieldOrg, FieldClientID, FieldClientSecret, FieldCallbackURL, FieldLoginURL}

// InputCheck is CheckInput's verdict on each field of a ConnectInput.
type InputCheck struct {
	// Org is the org the Org field names, when Err(FieldOrg) is nil.
	Org Org
	// SignInURL is where the sign-in would go (the org's My Domain, or the
	// Login URL override where Salesforce's rule allows it), when both the
	// org and the login URL are fine.
	SignInURL string
	errs      map[string]error
}

// Err returns why field cannot be used, or nil.
func (c InputCheck) Err(field string) error { return c.errs[field] }

// OK reports whether every field can be used.
func (c InputCheck) OK() bool { return len(c.errs) == 0 }

// CheckInput applies the rules Begin applies, field by field and without
// binding or contacting anything, so that a form can show what is wrong as
// the admin types: the org (salesforce.ParseOrg), the consumer key and
// secret (salesforce.CheckConsumerKey, CheckConsumerSecret), the callback
// URL (what the callback listener can serve), the Login URL override (for
// the org when it is known: salesforce.CheckLoginURL; else its syntax).
// Values are trimmed first; an empty key, secret or callback is
// ErrRequired, an empty login URL is fine (none).
func CheckInput(in ConnectInput) InputCheck {
	c := InputCheck{errs: map[string]error{}}
	fail := func(field string, err error) {
		if err != nil {
			c.errs[field] = err
		}
	}
	org, orgErr := salesforce.ParseOrg(in.Org)
	fail(FieldOrg, orgErr)
	if orgErr == nil {
		c.Org = org
	}
	fail(FieldClientID, required(in.ClientID, salesforce.CheckConsumerKey))
	fail(FieldClientSecret, required(in.ClientSecret, salesforce.CheckConsumerSecret))
	fail(FieldCallbackURL, required(in.CallbackURL, func(s string) error {
		_, _, err := callback.ParseRedirectURL(s)
		return err
	}))
	switch override := strings.TrimSpace(in.LoginURL); {
	case orgErr == nil:
		u, err := signInURL(org, override)
		fail(FieldLoginURL, err)
		c.SignInURL = u
	case override != "":
		_, err := salesforce.ValidateLoginURL(override)
		fail(FieldLoginURL, err)
	}
	return c
}

// required applies check to the trimmed s, or reports ErrRequired.
func required(s string, check func(string) error) error {
	if s = strings.TrimSpace(s); s == "" {
		return ErrRequired
	}
	return check(s)
}
