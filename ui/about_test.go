package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/version"
)

func TestAboutShowsTheVersionAndTheFontLicence(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			u, _ := newTestUI(t, &fakeBackend{}, lang, nil)
			u.ShowAbout()
			if u.About == nil {
				t.Fatal("no About dialog")
			}
			var texts []string
			for _, o := range test.LaidOutObjects(u.Win.Canvas().Overlays().Top()) {
				if l, ok := o.(*widget.Label); ok {
					texts = append(texts, l.Text)
				}
			}
			all := strings.Join(texts, "\n")
			want := u.L.T("ui.about.version", map[string]any{"Version": version.Version})
			if !strings.Contains(all, want) || !strings.Contains(all, version.Version) {
				t.Errorf("About shows %q, want %q", all, want)
			}
			// The bundled font and its licence are named (SIL OFL 1.1).
			font := u.L.T("ui.about.font")
			if !strings.Contains(all, font) || !strings.Contains(font, "Noto Sans CJK JP") || !strings.Contains(font, "SIL Open Font License 1.1") {
				t.Errorf("About shows %q, want the font line %q naming Noto Sans CJK JP and the SIL Open Font License 1.1", all, font)
			}
		})
	}
}
