package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// drawnTexts lists the text objects o draws: those shown, inside shown
// containers and widgets (as the painter walks them).
func drawnTexts(o fyne.CanvasObject) []*canvas.Text {
	if o == nil || !o.Visible() {
		return nil
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *canvas.Text:
		return []*canvas.Text{x}
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	case *fyne.Container:
		children = x.Objects
	}
	var out []*canvas.Text
	for _, c := range children {
		out = append(out, drawnTexts(c)...)
	}
	return out
}

// Home, the first screen, draws no bold text: Fyne would load the bold
// fonts, in Japanese the system's whole Noto Sans CJK Bold, before the
// first frame (widgets.go). A new widget on Home, or a Fyne version whose
// buttons ignore RichTextStyleStrong, fails here.
func TestHomeDrawsNoBold(t *testing.T) {
	for _, tc := range []struct {
		name     string
		profiles bool
		want     []string // texts that must be among those checked
	}{
		{"empty", false, []string{"ui.home.title", "ui.home.empty.title", "ui.home.new"}},
		{"list", true, []string{"ui.home.title", "ui.home.col.name", "ui.home.open", "ui.health.check"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &fakeBackend{}
			if tc.profiles {
				b.profiles = goldenProfiles()
			}
			u, _ := newTestUI(t, b, "ja", nil)
			u.ShowHome()
			u.Win.Canvas().Capture() // lays out and renders every widget
			texts := drawnTexts(u.Win.Content())
			var seen []string
			for _, txt := range texts {
				seen = append(seen, txt.Text)
				if txt.TextStyle.Bold {
					t.Errorf("Home draws %q in bold", txt.Text)
				}
			}
			for _, key := range tc.want {
				if want := u.L.T(key); !slices.Contains(seen, want) {
					t.Errorf("%q (%s) not among the %d texts Home draws: the walk missed it", want, key, len(texts))
				}
			}
			if tc.profiles && !slices.Contains(seen, "acme") {
				t.Errorf("the profile name acme not among the texts Home draws")
			}
		})
	}
}
