package ui

import (
	"context"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// confirmDeep says, before anything happens, that the deep check uses the
// refresh token and what that means when the org rotates refresh tokens;
// only then does it run.
func (u *UI) confirmDeep(s *ResultScreen, p app.Profile) {
	body := u.para(u.L.T("ui.deep.body", map[string]any{"Name": p.Name}))
	body.Importance = widget.WarningImportance
	newConfirm(u, u.L.T("ui.deep.title"), u.L.T("ui.deep.confirm"), container.NewVBox(body, u.contactLine(p)),
		func() { u.runDeep(s, p) }).Show()
}

// runDeep runs app.Service.VerifyDeep in the background and shows its report
// (with the notice to replace the console's token when it was rotated).
func (u *UI) runDeep(s *ResultScreen, p app.Profile) {
	s.Deep.Disable()
	s.Next.Disable()
	s.setStatus(u, u.stepText(app.StepRefresh), widget.MediumImportance)
	u.background(func(ctx context.Context) {
		rep, err := u.backend.VerifyDeep(ctx, p.Name, func(st app.Step) {
			u.do(func() {
				if u.Result == s {
					s.setStatus(u, u.stepText(st), widget.MediumImportance)
				}
			})
		})
		if err == nil {
			if fresh, lerr := u.backend.Load(ctx, p.Name); lerr == nil {
				p = fresh
			}
		}
		u.do(func() {
			if u.Result != s || u.screen != ScreenResult {
				return
			}
			if err != nil {
				s.Deep.Enable()
				s.Next.Enable()
				s.setStatus(u, u.L.Error(err), widget.DangerImportance)
				return
			}
			u.wiz = wizard{saved: &p, report: rep}
			u.showResult()
		})
	})
}
