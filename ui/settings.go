package ui

import (
	"strconv"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/i18n"
)

// Language names as each language calls itself.
const (
	langNameJa = "日本語"
	langNameEn = "English"
)

// SettingsScreen edits the app settings.
type SettingsScreen struct {
	Language      *widget.Select
	Callback      *widget.SelectEntry
	Timeout       *widget.Entry
	LoginURL      *widget.Entry
	TimeoutError  *widget.Label
	LoginURLError *widget.Label
	Save, Back    *widget.Button
	Status        *widget.Label
	// Network edits the proxy and CA settings; nil without a network backend.
	Network *NetworkFields
}

// ShowSettings shows the settings screen.
func (u *UI) ShowSettings() {
	if u.Authorize != nil && u.screen == ScreenAuthorize {
		u.Authorize.cancelWait()
	}
	if u.screen == ScreenCredentials && u.Credentials != nil {
		u.Credentials.store() // keep what was typed for the way back
	}
	if u.screen != ScreenSettings {
		u.back = u.screen
	}
	s := &SettingsScreen{Status: u.para("")}
	s.Status.Hide()
	u.SettingsTab = s
	s.Language = widget.NewSelect([]string{langNameJa, langNameEn}, nil)
	if u.Settings.Language == i18n.Japanese {
		s.Language.SetSelected(langNameJa)
	} else {
		s.Language.SetSelected(langNameEn)
	}
	// The language applies at once: the whole window is rebuilt.
	s.Language.OnChanged = func(v string) {
		lang := i18n.English
		if v == langNameJa {
			lang = i18n.Japanese
		}
		if lang == u.Settings.Language {
			return
		}
		u.App.Preferences().SetString(prefLanguage, lang)
		u.SetLanguage(lang)
	}
	s.Callback = widget.NewSelectEntry([]string{DefaultCallbackURL, portCallbackURL})
	s.Callback.SetText(u.Settings.CallbackURL)
	s.Timeout = widget.NewEntry()
	s.Timeout.SetText(strconv.Itoa(u.Settings.TimeoutMinutes))
	s.LoginURL = widget.NewEntry()
	s.LoginURL.SetText(u.Settings.LoginURL)
	// Empty is the normal case; an org address here would look like a
	// value to fill in.
	s.LoginURL.SetPlaceHolder("http://127.0.0.1:8800")
	s.TimeoutError, s.LoginURLError = u.errorLabel(), u.errorLabel()
	callbackError := u.errorLabel()
	s.Network = u.newNetworkFields()
	save := func() {
		ok := true
		setError(callbackError, u.L.Error(validateCallbackURL(s.Callback.Text)))
		if callbackError.Text != "" {
			ok = false
		}
		mins, err := strconv.Atoi(trimSpace(s.Timeout.Text))
		if err != nil || mins < 1 || mins > 60 {
			setError(s.TimeoutError, u.L.T("ui.settings.timeout.invalid"))
			ok = false
		} else {
			setError(s.TimeoutError, "")
		}
		setError(s.LoginURLError, u.L.Error(ValidateLoginURL(s.LoginURL.Text)))
		if s.LoginURLError.Text != "" {
			ok = false
		}
		network, netOK := u.Settings.Network, true
		if s.Network != nil {
			network, netOK = s.Network.settings()
		}
		ok = ok && netOK
		if !ok {
			// The messages sit under their fields, maybe scrolled out of
			// sight: the bar by the buttons says that there are some.
			s.Status.Importance = widget.DangerImportance
			setError(s.Status, u.L.T("ui.settings.invalid"))
			u.relayout()
			return
		}
		u.Settings.CallbackURL = trimSpace(s.Callback.Text)
		u.Settings.TimeoutMinutes = mins
		u.Settings.LoginURL = trimSpace(s.LoginURL.Text)
		u.Settings.Network = network
		u.Settings.Store(u.App.Preferences())
		if s.Network != nil {
			s.Network.save(network)
		}
		s.Status.Importance = widget.SuccessImportance
		setError(s.Status, u.L.T("ui.settings.saved"))
		u.relayout()
	}
	for _, e := range []*widget.Entry{&s.Callback.Entry, s.Timeout, s.LoginURL} {
		e.OnSubmitted = func(string) { save() }
	}
	advanced := widget.NewAccordion(widget.NewAccordionItem(u.L.T("ui.settings.advanced"),
		u.field(u.L.T("ui.settings.loginurl"), s.LoginURL, u.L.T("ui.settings.loginurl.hint"), s.LoginURLError)))
	if u.Settings.LoginURL != "" {
		advanced.Open(0)
	}
	if s.Network != nil {
		advanced.Append(s.Network.item())
		if !u.Settings.Network.IsZero() {
			advanced.Open(len(advanced.Items) - 1)
		}
	}
	body := container.NewVBox(
		u.field(u.L.T("ui.settings.language"), s.Language, u.L.T("ui.settings.language.hint"), nil),
		u.field(u.L.T("ui.settings.callback"), s.Callback, u.L.T("ui.prepare.callback.hint"), callbackError),
		u.field(u.L.T("ui.settings.timeout"), s.Timeout, u.L.T("ui.settings.timeout.hint"), s.TimeoutError),
		advanced,
	)
	s.Back = widget.NewButton(u.L.T("ui.action.back"), func() {
		u.screen = u.back
		u.rebuild()
	})
	s.Save = widget.NewButtonWithIcon(u.L.T("ui.settings.save"), theme.DocumentSaveIcon(), save)
	s.Save.Importance = widget.HighImportance
	u.show(ScreenSettings, noStep, u.L.T("ui.settings.title"), body,
		container.NewVBox(s.Status, buttonBar(nil, s.Back, s.Save)))
	u.setPrimary(s.Save)
}
