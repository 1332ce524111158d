package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// demoBanner marks every screen of demo mode, so nobody mistakes the
// simulator for their Salesforce org.
func (u *UI) demoBanner() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(colorNameDemoBanner))
	bg.CornerRadius = theme.InputRadiusSize()
	title := bold(u.L.T("ui.demo.badge"))
	text := widget.NewLabel(u.L.T("ui.demo.banner"))
	text.Wrapping = u.wrap()
	return container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewHBox(widget.NewIcon(theme.InfoIcon()), title), nil, text))
}

// stepIndicator shows where the wizard is: 1 Prepare · 2 Credentials ·
// 3 Authorize · 4 Result · 5 Save, the current step highlighted.
func (u *UI) stepIndicator(current wizardStep) fyne.CanvasObject {
	items := []fyne.CanvasObject{layout.NewSpacer()}
	for i, st := range wizardSteps {
		if i > 0 {
			sep := widget.NewLabel("›")
			sep.Importance = widget.LowImportance
			items = append(items, sep)
		}
		l := widget.NewLabel(fmt.Sprintf("%d %s", int(st), u.L.T(st.titleKey())))
		switch {
		case st == current:
			l.TextStyle = fyne.TextStyle{Bold: true}
			l.Importance = widget.HighImportance
		case st < current:
			l.Importance = widget.SuccessImportance
		default:
			l.Importance = widget.LowImportance
		}
		items = append(items, l)
	}
	items = append(items, layout.NewSpacer())
	return container.NewHBox(items...)
}
