package ui

import (
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
)

// DefaultCallbackURL is the callback URL of the seed manual, the one most
// External Client Apps are registered with.
const DefaultCallbackURL = "http://localhost/"

// DefaultTimeoutMinutes is how long the app waits for the browser by default.
const DefaultTimeoutMinutes = 5

// Preference keys. Only settings live here, never a secret.
const (
	prefLanguage    = "language"
	prefCallback    = "callbackURL"
	prefTimeout     = "timeoutMinutes"
	prefLoginURL    = "loginURL"
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefLastProfile = "lastProfile"
	prefProxy       = "network.proxy"
	prefPAC         = "network.pac"
	prefProxyUser   = "network.proxyUser"
	prefCAFile      = "network.caFile"
)

// Settings are the user's choices that outlive a session.
type Settings struct {
	Language       string // i18n.Japanese or i18n.English
	CallbackURL    string // default callback URL for a new connection
	TimeoutMinutes int    // how long to wait for the browser
	LoginURL       string // advanced: authorize/token host override (a simulator)
	// Network is the proxy, PAC file, proxy user and extra CA file; the
	// proxy password is in the keychain, not here.
	Network app.NetworkSettings
}

// Timeout is the browser wait as a duration.
func (s Settings) Timeout() time.Duration {
	if s.TimeoutMinutes <= 0 {
		return DefaultTimeoutMinutes * time.Minute
	}
	return time.Duration(s.TimeoutMinutes) * time.Minute
}

// LoadSettings reads the settings from p; the language defaults to the
// system's (Japanese on a Japanese system).
func LoadSettings(p fyne.Preferences) Settings {
	return Settings{
		Language:       i18n.Match(p.StringWithFallback(prefLanguage, i18n.SystemLanguage(os.Getenv, OSLocale))),
		CallbackURL:    p.StringWithFallback(prefCallback, DefaultCallbackURL),
		TimeoutMinutes: p.IntWithFallback(prefTimeout, DefaultTimeoutMinutes),
		LoginURL:       p.String(prefLoginURL),
		Network: app.NetworkSettings{Proxy: p.String(prefProxy), PAC: p.String(prefPAC),
			ProxyUser: p.String(prefProxyUser), CAFile: p.String(prefCAFile)},
	}
}

// Store writes the settings to p.
func (s Settings) Store(p fyne.Preferences) {
	p.SetString(prefLanguage, s.Language)
	p.SetString(prefCallback, s.CallbackURL)
	p.SetInt(prefTimeout, s.TimeoutMinutes)
	p.SetString(prefLoginURL, s.LoginURL)
	p.SetString(prefProxy, s.Network.Proxy)
	p.SetString(prefPAC, s.Network.PAC)
	p.SetString(prefProxyUser, s.Network.ProxyUser)
	p.SetString(prefCAFile, s.Network.CAFile)
}

// OSLocale is the operating system's locale as Fyne reads it (Windows,
// macOS), for i18n.SystemLanguage: the variables a terminal sets win over it.
func OSLocale() string { return string(lang.SystemLocale()) }

// restoreSize gives the window the size it had when last closed.
func (u *UI) restoreSize() {
	p := u.App.Preferences()
	w := float32(p.FloatWithFallback(prefWidth, float64(MinWindowSize.Width)))
	h := float32(p.FloatWithFallback(prefHeight, float64(MinWindowSize.Height)))
	u.Win.Resize(fyne.NewSize(w, h).Max(MinWindowSize))
}

// storeSize remembers the window size (a setting, not a secret).
func (u *UI) storeSize() {
	s := u.Win.Canvas().Size()
	if s.Width >= MinWindowSize.Width && s.Height >= MinWindowSize.Height {
		p := u.App.Preferences()
		p.SetFloat(prefWidth, float64(s.Width))
		p.SetFloat(prefHeight, float64(s.Height))
	}
}

// ValidateLoginURL checks the advanced Login URL override with the core's
// rules (app.CheckInput): empty, https, or http:// only on a loopback host
// (a simulator), so no secret ever crosses a network in clear text.
func ValidateLoginURL(s string) error {
	return app.CheckInput(app.ConnectInput{LoginURL: s}).Err(app.FieldLoginURL)
}
