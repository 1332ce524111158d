package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// contactLine names the Salesforce host an action on the saved profile p
// will contact, shown before the admin confirms it.
func (u *UI) contactLine(p app.Profile) *widget.Label {
	l := u.hint(u.L.T("ui.contact", map[string]any{"URL": app.ContactURL(p)}))
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// signInLine names where the sign-in on the Authorize screen goes: the
// saved profile's host when re-authorizing, else the org's My Domain or the
// login URL override in force.
func (u *UI) signInLine() *widget.Label {
	if u.wiz.reauth != "" && u.wiz.saved != nil {
		return u.contactLine(*u.wiz.saved)
	}
	in := u.wiz.input
	in.LoginURL = u.loginURL()
	url, err := app.SignInURL(in)
	if err != nil {
		// Begin refuses the same input with the full message.
		l := u.hint("")
		l.Hide()
		return l
	}
	l := u.hint(u.L.T("ui.contact", map[string]any{"URL": url}))
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}
