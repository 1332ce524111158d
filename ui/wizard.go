package ui

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// startWizard begins a new connection at step 1.
func (u *UI) startWizard() {
	u.discard()
	u.endDemo()
	u.wiz = wizard{input: app.ConnectInput{CallbackURL: u.Settings.CallbackURL}}
	u.ShowPrepare()
}

// startDemoWizard starts the embedded simulator and runs the wizard against
// it, credentials filled in; every screen carries the DEMO banner.
func (u *UI) startDemoWizard() {
	if u.startDemo == nil {
		return
	}
	h := u.Home
	if h != nil {
		h.DemoButton.Disable()
		h.setStatus(u.L.T("ui.demo.starting"), widget.MediumImportance)
	}
	u.background(func(context.Context) {
		// The simulator serves until the demo ends (endDemo) or the window
		// closes, not only while this start runs: the window's context.
		d, err := u.startDemo(u.ctx)
		u.do(func() {
			if err != nil {
				if h != nil && u.Home == h {
					h.DemoButton.Enable()
					h.setStatus(u.L.Error(err), widget.DangerImportance)
				}
				return
			}
			u.endDemo()
			u.wiz = wizard{demo: d, input: d.Input()}
			u.ShowPrepare()
		})
	})
}

// leave runs next, asking first when an authorized connection is not saved
// yet: leaving revokes its token (see discard), and the admin should know
// before, not after, that the browser sign-in must then be done again.
func (u *UI) leave(next func()) {
	if u.wiz.conn == nil {
		next()
		return
	}
	newConfirm(u, u.L.T("ui.discard.title"), u.L.T("ui.discard.confirm"),
		u.para(u.L.T("ui.discard.body")), next).Show()
}

// goHome leaves the wizard (after a running wait is canceled by the screen).
func (u *UI) goHome() {
	if u.Authorize != nil {
		u.Authorize.cancelWait()
	}
	u.discard()
	u.endDemo()
	u.wiz = wizard{}
	// The Credentials screen holds the typed consumer secret in its entry:
	// let it go with the wizard.
	u.Credentials = nil
	u.ShowHome()
}

// discard revokes the token of an authorized connection that the admin
// leaves without saving, so no live token is left that nobody keeps.
func (u *UI) discard() {
	c := u.wiz.conn
	u.wiz.conn = nil
	if c == nil {
		return
	}
	u.background(func(ctx context.Context) { _ = u.backend.Discard(ctx, c) })
}
