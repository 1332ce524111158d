package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// CredentialsScreen takes the org, the consumer key and secret and the
// callback URL, validating each field as it is typed.
type CredentialsScreen struct {
	Org         *widget.Entry
	OrgResolved *widget.Label // "acme (production) → https://acme.my.salesforce.com"
	// LoginURLNote says where sign-in really goes under a Login URL
	// override (demo simulator, --login-url).
	LoginURLNote *widget.Label
	Key          *widget.Entry
	Secret       *widget.Entry // masked, with a reveal toggle
	Callback     *widget.SelectEntry

	OrgError, KeyError, SecretError, CallbackError *widget.Label

	Next, Back *widget.Button
	u          *UI
	touched    map[*widget.Entry]bool // fields the user has edited
}

// ShowCredentials shows step 2 of the wizard.
func (u *UI) ShowCredentials() {
	s := &CredentialsScreen{u: u, touched: map[*widget.Entry]bool{}}
	u.Credentials = s
	in := u.wiz.input
	if in.CallbackURL == "" {
		in.CallbackURL = u.Settings.CallbackURL
	}
	s.Org = widget.NewEntry()
	s.Org.SetPlaceHolder(u.L.T("ui.creds.org.placeholder"))
	s.OrgResolved = widget.NewLabel("")
	s.OrgResolved.Importance = widget.SuccessImportance
	s.OrgResolved.Hide()
	s.Key = widget.NewEntry()
	s.Key.SetPlaceHolder(u.L.T("ui.creds.key.placeholder"))
	s.Secret = widget.NewPasswordEntry()
	s.Secret.SetPlaceHolder(u.L.T("ui.creds.secret.placeholder"))
	s.Callback = widget.NewSelectEntry([]string{DefaultCallbackURL, portCallbackURL})
	s.OrgError, s.KeyError, s.SecretError, s.CallbackError = u.errorLabel(), u.errorLabel(), u.errorLabel(), u.errorLabel()

	s.Org.SetText(in.Org)
	s.Key.SetText(in.ClientID)
	s.Secret.SetText(in.ClientSecret)
	s.Callback.SetText(in.CallbackURL)
	for _, e := range []*widget.Entry{s.Org, s.Key, s.Secret, &s.Callback.Entry} {
		e.OnChanged = func(string) {
			s.touched[e] = true
			s.validate(false)
		}
		e.OnSubmitted = func(string) { s.next() }
	}

	s.LoginURLNote = u.hint("")
	s.LoginURLNote.Importance = widget.WarningImportance
	s.LoginURLNote.Hide()
	if override := u.loginURL(); override != "" {
		// The org's My Domain is not where sign-in goes: say so plainly.
		s.LoginURLNote.SetText(u.L.T("ui.creds.loginurl.override", map[string]any{"URL": override}))
		s.LoginURLNote.Show()
	}
	body := container.NewVBox(
		u.para(u.L.T("ui.creds.intro")),
		u.field(u.L.T("ui.creds.org"), s.Org, u.L.T("ui.creds.org.hint"), s.OrgError),
		s.OrgResolved,
		s.LoginURLNote,
		u.field(u.L.T("ui.creds.key"), s.Key, u.L.T("ui.creds.key.hint"), s.KeyError),
		u.field(u.L.T("ui.creds.secret"), s.Secret, u.L.T("ui.creds.secret.hint"), s.SecretError),
		u.field(u.L.T("ui.creds.callback"), s.Callback, u.L.T("ui.creds.callback.hint"), s.CallbackError),
	)
	s.Back = widget.NewButton(u.L.T("ui.action.back"), func() { s.store(); u.ShowPrepare() })
	s.Next = widget.NewButtonWithIcon(u.L.T("ui.creds.next"), theme.NavigateNextIcon(), s.next)
	s.Next.Importance = widget.HighImportance
	u.show(ScreenCredentials, stepCredentials, u.L.T("ui.creds.title"), body, buttonBar(nil, s.Back, s.Next))
	// Enter outside the fields (after the reveal toggle, say) also goes on,
	// showing every message when something is missing.
	u.primary = s.next
	// Fields that already hold text (coming back, demo) show their state;
	// empty ones stay quiet until the user types.
	s.validate(false)
	u.Win.Canvas().Focus(s.Org)
}

// validate checks every field, shows inline messages (an empty field only
// once the user has edited it, or when loud) and enables Next when all are
// valid.
func (s *CredentialsScreen) validate(loud bool) bool {
	u := s.u
	ok, changed := true, false
	show := func(l *widget.Label, text string, e *widget.Entry) {
		if text != "" {
			ok = false
		}
		if e.Text == "" && !loud && !s.touched[e] {
			text = ""
		}
		changed = setError(l, text) || changed
	}
	check := app.CheckInput(app.ConnectInput{Org: s.Org.Text, ClientID: s.Key.Text,
		ClientSecret: s.Secret.Text, CallbackURL: s.Callback.Text, LoginURL: u.loginURL()})
	org, orgErr := check.Org, check.Err(app.FieldOrg)
	if orgErr != nil {
		show(s.OrgError, u.L.Error(orgErr), s.Org)
		changed = changed || s.OrgResolved.Visible()
		s.OrgResolved.Hide()
	} else {
		changed = setError(s.OrgError, "") || changed
		resolved := u.L.T("ui.creds.org.resolved",
			map[string]any{"Namespace": org.Namespace, "Env": u.L.T(org.Kind.MessageKey()), "URL": org.ConsoleURL()})
		changed = changed || !s.OrgResolved.Visible() || s.OrgResolved.Text != resolved
		s.OrgResolved.SetText(resolved)
		s.OrgResolved.Show()
	}
	if orgErr == nil {
		changed = s.showLoginURL(check.Err(app.FieldLoginURL)) || changed
		if s.LoginURLNote.Importance == widget.DangerImportance {
			ok = false
		}
	}
	show(s.KeyError, u.L.Error(check.Err(app.FieldClientID)), s.Key)
	show(s.SecretError, u.L.Error(check.Err(app.FieldClientSecret)), s.Secret)
	show(s.CallbackError, u.L.Error(check.Err(app.FieldCallbackURL)), &s.Callback.Entry)
	if ok {
		s.Next.Enable()
	} else {
		s.Next.Disable()
	}
	// A whole-window relayout on every keystroke made typing a long key
	// sluggish: do it only when a message appeared, changed or went away.
	if changed {
		u.relayout()
	}
	return ok
}

// showLoginURL shows the verdict of the rule for where a sign-in may go on
// the Login URL override in force and this org: an override the rule
// refuses for the typed org is shown as an error (Next stays disabled), not
// found out at Authorize. It reports whether the note changed.
func (s *CredentialsScreen) showLoginURL(err error) bool {
	u := s.u
	override := u.loginURL()
	if override == "" {
		return false
	}
	text, imp := u.L.T("ui.creds.loginurl.override", map[string]any{"URL": override}), widget.WarningImportance
	if err != nil {
		text, imp = u.L.Error(err), widget.DangerImportance
	}
	if s.LoginURLNote.Text == text && s.LoginURLNote.Importance == imp {
		return false
	}
	s.LoginURLNote.Importance = imp
	s.LoginURLNote.SetText(text)
	return true
}

// store keeps what was typed in the wizard state.
func (s *CredentialsScreen) store() {
	in := &s.u.wiz.input
	in.Org = s.Org.Text
	in.ClientID = trimSpace(s.Key.Text)
	in.ClientSecret = trimSpace(s.Secret.Text)
	in.CallbackURL = trimSpace(s.Callback.Text)
}

func (s *CredentialsScreen) next() {
	if !s.validate(true) {
		return
	}
	s.store()
	s.u.ShowAuthorize()
}

// focusOrder is the Tab order of the form, for tests.
func (s *CredentialsScreen) focusOrder() []fyne.Focusable {
	return []fyne.Focusable{s.Org, s.Key, s.Secret, s.Callback}
}
