package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// healthParallel is how many connections Home checks at once.
const healthParallel = 4

// healthState is what Home knows of the saved connections' tokens. It lives
// on the UI, not on a HomeScreen, so a rebuilt Home keeps it; only the UI
// thread touches it (results arrive through UI.do).
type healthState struct {
	results  map[string]app.ConnectionHealth
	checking map[string]bool
	slots    chan struct{}
}

func newHealthState() *healthState {
	return &healthState{results: map[string]app.ConnectionHealth{}, checking: map[string]bool{},
		slots: make(chan struct{}, healthParallel)}
}

// stale reports whether p needs a check: never checked, or re-authorized
// (or re-imported) since its last check. Demo connections are not checked:
// their simulator runs only inside the demo.
func (hs *healthState) stale(p app.Profile) bool {
	if p.Demo || hs.checking[p.Name] {
		return false
	}
	r, ok := hs.results[p.Name]
	return !ok || !r.Profile.AuthorizedAt.Equal(p.AuthorizedAt)
}

// checkHealth asks Salesforce about the given connections in the
// background (introspection: the tokens are not used), once the saved
// network settings are in force. Each result reaches the widgets through
// u.do, i.e. fyne.Do in the app.
func (u *UI) checkHealth(list []app.Profile) {
	for _, p := range list {
		if p.Demo || u.health.checking[p.Name] {
			continue
		}
		u.health.checking[p.Name] = true
		slots, ready := u.health.slots, u.netReady
		u.background(func(ctx context.Context) {
			select {
			case <-ready:
			case <-ctx.Done():
				return
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			r := u.backend.CheckOne(ctx, p)
			<-slots
			if ctx.Err() != nil {
				return
			}
			u.do(func() {
				delete(u.health.checking, p.Name)
				u.health.results[p.Name] = r
				if h := u.Home; h != nil && u.screen == ScreenHome {
					h.showHealth()
				}
			})
		})
	}
	if h := u.Home; h != nil {
		h.showHealth()
	}
}

// checkStale checks the listed connections that have no current result.
func (u *UI) checkStale(list []app.Profile) {
	var todo []app.Profile
	for _, p := range list {
		if u.health.stale(p) {
			todo = append(todo, p)
		}
	}
	if len(todo) > 0 {
		u.checkHealth(todo)
	}
}

// liveStatus is the status cell of a checked or checking connection; ok is
// false when there is nothing live to show.
func (u *UI) liveStatus(p app.Profile) (text string, res fyne.Resource, imp widget.Importance, ok bool) {
	if p.Demo {
		return "", nil, 0, false
	}
	if u.health.checking[p.Name] {
		return u.L.T("ui.health.checking"), theme.ViewRefreshIcon(), widget.LowImportance, true
	}
	r, done := u.health.results[p.Name]
	switch {
	case !done:
		return "", nil, 0, false
	case r.Err != nil:
		return u.L.T("ui.health.error"), theme.NewWarningThemedResource(theme.WarningIcon()), widget.WarningImportance, true
	case r.State == app.TokenAlive:
		return u.L.T("ui.health.alive"), theme.NewSuccessThemedResource(theme.ConfirmIcon()), widget.SuccessImportance, true
	case r.State == app.TokenDead:
		return u.L.T("ui.health.dead"), theme.NewErrorThemedResource(theme.ErrorIcon()), widget.DangerImportance, true
	}
	return u.L.T("ui.health.unknown"), theme.NewWarningThemedResource(theme.QuestionIcon()), widget.WarningImportance, true
}

// healthText explains the selected connection's state: when it was checked
// and, unless it works, why not. fix says whether re-authorizing fixes it.
func (u *UI) healthText(p app.Profile) (text string, imp widget.Importance, fix bool) {
	if u.health.checking[p.Name] {
		return u.L.T("ui.health.checking.detail", map[string]any{"Name": p.Name, "URL": app.ContactURL(p)}), widget.MediumImportance, false
	}
	r, ok := u.health.results[p.Name]
	if !ok || p.Demo {
		return "", widget.MediumImportance, false
	}
	at := map[string]any{"Time": r.CheckedAt.Local().Format("2006-01-02 15:04")}
	switch {
	case r.Err != nil:
		return u.L.T("ui.health.detail.error", at) + "\n" + u.L.Error(r.Err), widget.WarningImportance, false
	case r.State == app.TokenAlive:
		return u.L.T("ui.health.detail.alive", at), widget.SuccessImportance, false
	case r.State == app.TokenDead:
		return u.L.T("ui.health.detail.dead", at) + "\n" + u.L.Error(r.Cause()), widget.DangerImportance, true
	}
	return u.L.T("ui.health.detail.unknown", at) + "\n" + u.L.Error(r.Reason), widget.WarningImportance, false
}

// showHealth refreshes Home's status column, the selected connection's
// health line and the Check now button.
func (h *HomeScreen) showHealth() {
	u := h.u
	if len(u.health.checking) > 0 {
		h.CheckButton.Disable()
	} else {
		h.CheckButton.Enable()
	}
	h.Table.Refresh()
	text, imp, fix := "", widget.MediumImportance, false
	if p, ok := h.selected(); ok {
		text, imp, fix = u.healthText(p)
	}
	changed := setError(h.Health, text)
	if h.Health.Importance != imp {
		h.Health.Importance = imp
		h.Health.Refresh()
	}
	if fix != h.FixButton.Visible() {
		changed = true
		if fix {
			h.FixButton.Show()
		} else {
			h.FixButton.Hide()
		}
	}
	if changed {
		// Twice: the wrapped text knows its height once it has a width.
		u.relayout()
		u.relayout()
	}
}
