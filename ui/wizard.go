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
	u.background(func(ctx context.Context) {
		d, err := u.startDemo(ctx)
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
