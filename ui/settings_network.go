package ui

import (
	"context"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/sfconnect/sfconnect/internal/app"
)

// NetworkFields edit the network settings on the Settings screen: the
// proxy (or "direct"), a PAC file, the proxy user and password, and an
// extra CA certificate file. The password goes to the keychain; the rest
// to the preferences.
type NetworkFields struct {
	Proxy, PAC, ProxyUser, Password, CAFile *widget.Entry
	// Error shows a setting that cannot be used.
	Error *widget.Label
	// PasswordState says whether the keychain holds a password.
	PasswordState *widget.Label

	u *UI
}

// newNetworkFields builds the fields from the saved settings; nil when the
// backend has no network side.
func (u *UI) newNetworkFields() *NetworkFields {
	nb := u.network()
	if nb == nil {
		return nil
	}
	set := u.Settings.Network
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		return e
	}
	n := &NetworkFields{u: u,
		Proxy:     entry(set.Proxy, "http://proxy.example.co.jp:8080"),
		PAC:       entry(set.PAC, "http://proxy.example.co.jp/proxy.pac"),
		ProxyUser: entry(set.ProxyUser, ""),
		CAFile:    entry(set.CAFile, ""),
		Password:  widget.NewPasswordEntry(),
		Error:     u.errorLabel(), PasswordState: u.hint(""),
	}
	if user := set.ProxyUser; user != "" {
		u.background(func(ctx context.Context) {
			ok, err := nb.HasProxyPassword(ctx, user)
			u.do(func() {
				if ok && err == nil {
					n.PasswordState.SetText(u.L.T("ui.settings.net.password.saved"))
				}
			})
		})
	}
	return n
}

// item is the Network section of the Settings accordion.
func (n *NetworkFields) item() *widget.AccordionItem {
	u := n.u
	return widget.NewAccordionItem(u.L.T("ui.settings.net.title"), container.NewVBox(
		u.para(u.L.T("ui.settings.net.intro")),
		u.field(u.L.T("ui.settings.net.proxy"), n.Proxy, u.L.T("ui.settings.net.proxy.hint"), nil),
		u.field(u.L.T("ui.settings.net.pac"), n.PAC, u.L.T("ui.settings.net.pac.hint"), nil),
		u.field(u.L.T("ui.settings.net.user"), n.ProxyUser, u.L.T("ui.settings.net.user.hint"), nil),
		u.field(u.L.T("ui.settings.net.password"), n.Password, u.L.T("ui.settings.net.password.hint"), n.PasswordState),
		u.field(u.L.T("ui.settings.net.cafile"), n.CAFile, u.L.T("ui.settings.net.cafile.hint"), nil),
		n.Error))
}

// settings reads the fields; ok is false, with the reason shown, when one
// cannot be used (a malformed URL, an unreadable CA file).
func (n *NetworkFields) settings() (app.NetworkSettings, bool) {
	set := app.NetworkSettings{Proxy: trimSpace(n.Proxy.Text), PAC: trimSpace(n.PAC.Text),
		ProxyUser: trimSpace(n.ProxyUser.Text), CAFile: trimSpace(n.CAFile.Text)}
	err := app.CheckNetwork(set)
	setError(n.Error, n.u.L.Error(err))
	return set, err == nil
}

// save keeps a typed password in the keychain, then puts the settings in
// force; a failure is shown under the section.
func (n *NetworkFields) save(set app.NetworkSettings) {
	u, nb, pw := n.u, n.u.network(), n.Password.Text
	n.Password.SetText("")
	u.background(func(ctx context.Context) {
		var err error
		if pw != "" && set.ProxyUser != "" {
			err = nb.SetProxyPassword(ctx, set.ProxyUser, pw)
		}
		if err == nil {
			err = nb.SetNetwork(ctx, set)
		}
		u.do(func() {
			setError(n.Error, u.L.Error(err))
			if err == nil && pw != "" {
				n.PasswordState.SetText(u.L.T("ui.settings.net.password.saved"))
			}
			u.relayout()
		})
	})
}
