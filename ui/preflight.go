package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// NetworkBackend is what the preflight checklist and the network settings
// need of the core; *app.Service has it. A Backend without it (the fakes of
// the golden images) shows neither.
type NetworkBackend interface {
	SetNetwork(ctx context.Context, s app.NetworkSettings) error
	SetProxyPassword(ctx context.Context, user, password string) error
	HasProxyPassword(ctx context.Context, user string) (bool, error)
	Preflight(ctx context.Context, in app.PreflightInput) *app.Preflight
	PreflightProfile(ctx context.Context, name string) (*app.Preflight, error)
}

var _ NetworkBackend = (*app.Service)(nil)

// network returns the backend's network side, or nil.
func (u *UI) network() NetworkBackend {
	nb, _ := u.backend.(NetworkBackend)
	return nb
}

// applyNetwork puts the saved network settings in force in the core, then
// calls done (on the UI thread) with the error, if any. The channel it
// returns is closed once the core has them (or refused them), at once
// without a NetworkBackend.
func (u *UI) applyNetwork(done func(error)) <-chan struct{} {
	applied := make(chan struct{})
	nb := u.network()
	if nb == nil {
		close(applied)
		return applied
	}
	set := u.Settings.Network
	u.background(func(ctx context.Context) {
		err := nb.SetNetwork(ctx, set)
		close(applied)
		if done != nil {
			u.do(func() { done(err) })
		}
	})
	return applied
}

// PreflightView is the checklist the Authorize screen shows before the
// browser opens: the callback port, the proxy in use and why, whether
// Salesforce answers through it and whether its certificate verifies.
type PreflightView struct {
	Lines   []*CheckLine // one per check of the last run, in order
	Status  *widget.Label
	Recheck *widget.Button
	// Details shows or hides the lines of a run that passed: folded, a
	// passing checklist is one line and the sign-in button stays in view.
	Details *widget.Button
	Done    bool // the last run has finished

	u     *UI
	rows  *fyne.Container
	card  fyne.CanvasObject
	input func() app.PreflightInput
	name  string // a saved profile being re-authorized

	mu       sync.Mutex
	cancel   context.CancelFunc
	finished chan struct{} // closed when the running check ends
}

// newPreflightView builds the checklist and starts its first run. Without a
// NetworkBackend it stays hidden.
func (u *UI) newPreflightView(input func() app.PreflightInput, profileName string) *PreflightView {
	v := &PreflightView{u: u, input: input, name: profileName, rows: container.NewVBox(), Status: u.para(""),
		finished: make(chan struct{}), cancel: func() {}}
	close(v.finished)
	v.Recheck = widget.NewButtonWithIcon(u.L.T("ui.preflight.recheck"), theme.ViewRefreshIcon(), v.run)
	v.Details = widget.NewButton(u.L.T("ui.preflight.details.show"), v.toggleDetails)
	v.Details.Hide()
	v.card = card(container.NewBorder(nil, nil, nil, container.NewHBox(v.Details, v.Recheck),
		subheading(u.L.T("ui.preflight.title"))), v.Status, v.rows)
	if u.network() == nil {
		v.card.Hide()
		return v
	}
	v.run()
	return v
}

// run checks again: the network settings first (a CA file may have
// changed), then the path.
func (v *PreflightView) run() {
	u, nb := v.u, v.u.network()
	if nb == nil {
		return
	}
	v.Done = false
	v.Recheck.Disable()
	v.Status.SetText(u.L.T("ui.preflight.running"))
	v.Status.Importance = widget.MediumImportance
	set, in, name := u.Settings.Network, v.input(), v.name
	finished := make(chan struct{})
	v.mu.Lock()
	defer v.mu.Unlock()
	v.finished = finished
	v.cancel = u.background(func(ctx context.Context) {
		defer close(finished)
		var p *app.Preflight
		err := nb.SetNetwork(ctx, set)
		if err == nil && name != "" {
			p, err = nb.PreflightProfile(ctx, name)
		} else if err == nil {
			p = nb.Preflight(ctx, in)
		}
		if ctx.Err() != nil {
			return // halted for the sign-in, or the window closed
		}
		u.do(func() { v.show(p, err) })
	})
}

// halt stops a running check and returns a channel closed once it has
// ended: the sign-in binds the callback port the check may be probing.
func (v *PreflightView) halt() <-chan struct{} {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.cancel()
	if !v.Done {
		v.Status.SetText("")
		v.Recheck.Enable()
	}
	return v.finished
}

// show lays out a finished run.
func (v *PreflightView) show(p *app.Preflight, err error) {
	u := v.u
	v.rows.RemoveAll()
	v.Lines = nil
	v.Done = true
	v.Recheck.Enable()
	if err != nil {
		v.Status.Importance = widget.DangerImportance
		v.Status.SetText(u.L.Error(err))
		u.relayout()
		return
	}
	v.Status.Importance = widget.SuccessImportance
	v.Status.SetText(u.L.T("ui.preflight.ok"))
	if p.Failed() {
		v.Status.Importance = widget.DangerImportance
		v.Status.SetText(u.L.T("ui.preflight.failed"))
	}
	// Every check passed: one line says so and the details fold away. A
	// warning or a failure shows every line with its fix.
	allPass := true
	for _, c := range p.Checks {
		allPass = allPass && c.Status == app.Pass
	}
	v.Details.Hidden = !allPass
	v.setDetails(!allPass)
	for _, c := range p.Checks {
		line := u.checkLine(app.Check{ID: c.ID, Status: c.Status, Key: c.Key, Args: c.Args})
		text := container.NewVBox(bold(u.L.T(c.TitleKey())), line.Text)
		if c.FixKey != "" {
			text.Add(u.hint(u.L.T(c.FixKey, c.FixArgs)))
		}
		v.Lines = append(v.Lines, line)
		v.rows.Add(container.NewBorder(nil, nil, container.NewVBox(line.Icon), nil, text))
	}
	u.relayout()
}

// toggleDetails shows or hides the lines of a passing run.
func (v *PreflightView) toggleDetails() {
	v.setDetails(!v.rows.Visible())
	v.u.relayout()
}

func (v *PreflightView) setDetails(show bool) {
	if show {
		v.rows.Show()
		v.Details.SetText(v.u.L.T("ui.preflight.details.hide"))
		return
	}
	v.rows.Hide()
	v.Details.SetText(v.u.L.T("ui.preflight.details.show"))
}

// preflightInput is what the wizard is about to sign in with.
func (u *UI) preflightInput() app.PreflightInput {
	return app.PreflightInput{Org: u.wiz.input.Org, CallbackURL: u.wiz.input.CallbackURL, LoginURL: u.loginURL()}
}
