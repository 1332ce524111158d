package ui

import (
	"strings"

	"github.com/sfconnect/sfconnect/internal/app"
)

func trimSpace(s string) string { return strings.TrimSpace(s) }

// validateCallbackURL applies the core's callback rule (app.CheckInput:
// what the callback listener can serve, http://localhost[:PORT]/path) to
// the default callback in the settings, so the form never says OK to a URL
// that only fails at Authorize.
func validateCallbackURL(s string) error {
	return app.CheckInput(app.ConnectInput{CallbackURL: s}).Err(app.FieldCallbackURL)
}
