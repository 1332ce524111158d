package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// OrphansLine tells the admin about keychain entries that no saved
// connection owns and offers to remove them.
type OrphansLine struct {
	Text   *widget.Label
	Remove *widget.Button
	Names  []string // the orphans shown

	h   *HomeScreen
	box *fyne.Container
}

func (h *HomeScreen) newOrphansLine() *OrphansLine {
	u := h.u
	o := &OrphansLine{h: h, Text: u.para("")}
	o.Text.Importance = widget.WarningImportance
	o.Remove = widget.NewButtonWithIcon(u.L.T("ui.orphans.remove"), theme.DeleteIcon(), o.confirm)
	o.box = container.NewBorder(nil, nil, nil, container.NewVBox(o.Remove), o.Text)
	o.box.Hide()
	return o
}

// check lists the orphans in the background; the line appears only when
// there are some. A keychain that cannot be listed shows nothing: the
// profiles are what Home is about.
func (o *OrphansLine) check() {
	u, h := o.h.u, o.h
	u.background(func(ctx context.Context) {
		orphans, err := u.backend.Orphans(ctx)
		u.do(func() {
			if u.Home != h || err != nil {
				return
			}
			o.show(orphans)
		})
	})
}

func (o *OrphansLine) show(orphans []app.Orphan) {
	o.Names = o.Names[:0]
	for _, x := range orphans {
		o.Names = append(o.Names, x.Name)
	}
	if len(o.Names) == 0 {
		o.box.Hide()
	} else {
		o.Text.SetText(o.h.u.L.T("ui.orphans.line", map[string]any{"Names": strings.Join(o.Names, ", ")}))
		o.box.Show()
	}
	o.h.u.relayout()
}

// confirm says what removing does and does not do, then removes.
func (o *OrphansLine) confirm() {
	u := o.h.u
	names := append([]string(nil), o.Names...)
	body := u.para(u.L.T("ui.orphans.body", map[string]any{"Names": strings.Join(names, ", ")}))
	newConfirm(u, u.L.T("ui.orphans.title"), u.L.T("ui.orphans.confirm"), body, func() { o.remove(names) }).Show()
}

func (o *OrphansLine) remove(names []string) {
	u, h := o.h.u, o.h
	o.Remove.Disable()
	u.background(func(ctx context.Context) {
		removed, err := u.backend.RemoveOrphans(ctx, names)
		u.do(func() {
			if u.Home != h {
				return
			}
			u.ShowHome()
			if err != nil {
				u.Home.setStatus(u.L.Error(err), widget.DangerImportance)
				return
			}
			u.Home.setStatus(u.L.T("ui.orphans.removed", map[string]any{"Names": strings.Join(removed, ", ")}), widget.SuccessImportance)
		})
	})
}
