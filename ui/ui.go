// Package ui is the sfconnect desktop app: one window whose screens lead an
// administrator from preparing Salesforce to a saved, exported connection.
// Every text comes from internal/i18n; every error is shown through
// Localizer.Error, never as a Go error string.
package ui

import (
	"context"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
)

// Options wires the window to the core.
type Options struct {
	Backend   Backend     // required: *app.Service
	StartDemo DemoStarter // app.StartDemo; nil hides "Try the demo"
	// LoginURL overrides the saved Login URL setting for this run
	// (the --login-url flag).
	LoginURL string
	// Do runs f on the UI thread; fyne.Do when nil. Tests pass a queue.
	Do func(f func())
	// Clipboard is the clipboard the copy buttons use; the window's when nil.
	Clipboard fyne.Clipboard
	// Now is the clock for the countdown; time.Now when nil.
	Now func() time.Time
	// Demo opens the demo at once, as "Try the demo" does (the --demo flag).
	Demo bool
	// Trace, when set, gets the lines "lang <code>" and "screen <name>" for
	// every screen shown: scripts/wine-test.sh follows the real window
	// through the flow with it and checks the language it came up in.
	Trace io.Writer
}

// UI is the app window and the state of the wizard. The screen fields point
// at the screen shown last (tests tap their widgets).
type UI struct {
	App      fyne.App
	Win      fyne.Window
	L        *i18n.Localizer
	Settings Settings
	Clip     *ClipGuard

	Home        *HomeScreen
	Prepare     *PrepareScreen
	Credentials *CredentialsScreen
	Authorize   *AuthorizeScreen
	Result      *ResultScreen
	Fields      *FieldsScreen
	SettingsTab *SettingsScreen
	// LastExport is the export question shown last.
	LastExport *ExportDialog
	// LastImport is the passphrase question of an import shown last.
	LastImport *ImportPrompt
	// About is the About dialog shown last.
	About dialog.Dialog

	// SaveDialog asks for a file to write; a Fyne file dialog when nil.
	SaveDialog func(suggested string, done func(path string))
	// OpenDialog asks for a file to read; a Fyne file dialog when nil.
	OpenDialog func(done func(r io.ReadCloser))

	backend   Backend
	startDemo DemoStarter
	trace     io.Writer
	do        func(func())
	now       func() time.Time
	ctx       context.Context
	stop      context.CancelFunc
	screen    Screen
	back      Screen // screen to return to from Settings
	// flagLoginURL is --login-url: it wins over the setting for this run
	// and is never written to the preferences.
	flagLoginURL string
	escape       func()
	// primary is what Enter does when no widget holds the keyboard focus:
	// the highlighted button of the screen.
	primary func()
	// dialog is the confirm dialog on display, which Escape cancels.
	dialog dialog.Dialog
	wiz    wizard
	health *healthState // the saved connections' live status, for Home
	// netReady is closed once the saved network settings are in force:
	// the health checks start after it.
	netReady <-chan struct{}
}

// wizard is the connection being made or the profile being worked on.
type wizard struct {
	input  app.ConnectInput
	reauth string          // profile name when re-authorizing
	conn   *app.Connection // authorized, not yet saved
	saved  *app.Profile    // the profile shown on the fields screen
	report *app.Report     // last Verify result for the result screen
	demo   *app.Demo       // running simulator in demo mode
}

// New builds the UI in w and shows Home. The caller runs the app.
func New(a fyne.App, w fyne.Window, o Options) *UI {
	ctx, stop := context.WithCancel(context.Background())
	u := &UI{App: a, Win: w, backend: o.Backend, startDemo: o.StartDemo,
		do: o.Do, now: o.Now, ctx: ctx, stop: stop, trace: o.Trace, health: newHealthState()}
	if u.do == nil {
		u.do = fyne.Do
	}
	if u.now == nil {
		u.now = time.Now
	}
	// The bundled Japanese font and readable status colours (theme.go).
	a.Settings().SetTheme(Theme())
	u.Settings = LoadSettings(a.Preferences())
	u.flagLoginURL = o.LoginURL
	u.L = i18n.New(u.Settings.Language)
	u.backend.SetLang(u.Settings.Language)
	// A saved setting that cannot be used is reported by the Authorize
	// checklist, which sets the network again. Home's health checks wait
	// for it: checked before, a connection behind the proxy or the CA file
	// of Settings would read "unknown".
	u.netReady = u.applyNetwork(nil)
	clip := o.Clipboard
	if clip == nil {
		clip = w.Clipboard()
	}
	u.Clip = &ClipGuard{Clipboard: clip, Do: u.do}
	w.SetTitle("sfconnect")
	w.Canvas().SetOnTypedKey(u.typedKey)
	u.ShowHome()
	u.restoreSize()
	if o.Demo {
		u.startDemoWizard()
	}
	return u
}

// Close stops background work, the demo simulator and any pending secret on
// the clipboard; main calls it when the window closes.
func (u *UI) Close() {
	u.storeSize()
	u.stop()
	u.Clip.Stop()
	u.endDemo()
}

// Screen is the screen on display, for tests.
func (u *UI) Screen() Screen { return u.screen }

// SetLanguage switches the language and rebuilds the window immediately.
func (u *UI) SetLanguage(lang string) {
	u.Settings.Language = i18n.Match(lang)
	u.L = i18n.New(u.Settings.Language)
	u.backend.SetLang(u.Settings.Language)
	// A saved setting that cannot be used is reported by the Authorize
	// checklist, which sets the network again.
	u.applyNetwork(nil)
	u.rebuild()
}

func (u *UI) rebuild() {
	switch u.screen {
	case ScreenPrepare:
		u.ShowPrepare()
	case ScreenCredentials:
		u.ShowCredentials()
	case ScreenAuthorize:
		u.ShowAuthorize()
	case ScreenResult:
		u.showResult()
	case ScreenFields:
		u.showFields()
	case ScreenSettings:
		u.ShowSettings()
	default:
		u.ShowHome()
	}
}

// demoMode reports whether the wizard runs against the embedded simulator.
func (u *UI) demoMode() bool {
	return u.wiz.demo != nil || (u.wiz.saved != nil && u.wiz.saved.Demo)
}

func (u *UI) endDemo() {
	if u.wiz.demo != nil {
		u.wiz.demo.Close()
		u.wiz.demo = nil
	}
}

// show puts a screen into the window: header, the step indicator (for a
// wizard step), the scrolling body and a bottom button bar.
func (u *UI) show(name Screen, step wizardStep, title string, body fyne.CanvasObject, bottom fyne.CanvasObject) {
	if name != ScreenFields && u.Fields != nil {
		// The secrets read for the copy buttons stay only while the
		// screen that copies them is shown.
		u.Fields.secrets = nil
	}
	u.screen = name
	if u.trace != nil {
		fmt.Fprintf(u.trace, "lang %s\nscreen %s\n", u.L.Lang(), name)
	}
	u.escape = nil
	u.primary = nil
	top := []fyne.CanvasObject{}
	if u.demoMode() {
		top = append(top, u.demoBanner())
	}
	homeBtn := widget.NewButtonWithIcon(u.L.T("ui.nav.home"), theme.HomeIcon(), func() { u.leave(u.goHome) })
	settingsBtn := widget.NewButtonWithIcon(u.L.T("ui.nav.settings"), theme.SettingsIcon(), u.ShowSettings)
	aboutBtn := widget.NewButtonWithIcon("", theme.InfoIcon(), u.ShowAbout)
	homeBtn.Importance = widget.LowImportance
	settingsBtn.Importance = widget.LowImportance
	aboutBtn.Importance = widget.LowImportance
	top = append(top, container.NewBorder(nil, nil, heading(title), container.NewHBox(homeBtn, settingsBtn, aboutBtn)))
	if step != noStep {
		top = append(top, u.stepIndicator(step))
	}
	top = append(top, widget.NewSeparator())
	var bar fyne.CanvasObject
	if bottom != nil {
		bar = container.NewVBox(widget.NewSeparator(), bottom)
	}
	content := container.NewBorder(container.NewVBox(top...), bar, nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	u.Win.SetContent(minSizer(MinWindowSize, container.NewPadded(content)))
	// Wrapped labels know their height only once they have a width: lay
	// out a second time now that they do.
	u.relayout()
}

// typedKey handles the keys no focused widget took: Escape cancels a
// running wait, Enter presses the screen's primary button (unless a dialog
// is on top: its own buttons answer it).
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if d := u.dialog; d != nil {
			d.Hide() // answers Cancel
			return
		}
		if u.escape != nil {
			u.escape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if u.primary != nil && u.Win.Canvas().Overlays().Top() == nil {
			u.primary()
		}
	}
}

// setPrimary makes Enter press b while b is shown and enabled.
func (u *UI) setPrimary(b *widget.Button) {
	u.primary = func() {
		if b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// background is how the window runs work off the UI thread: f runs on a
// goroutine with a context of its own, which ends when f returns, when the
// window closes (Close) or when the returned stop is called (Cancel,
// leaving a screen). f reports back through u.do.
func (u *UI) background(f func(ctx context.Context)) (stop context.CancelFunc) {
	ctx, cancel := context.WithCancel(u.ctx)
	go func() {
		defer cancel()
		f(ctx)
	}()
	return cancel
}
