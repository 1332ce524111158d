package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/i18n"
)

// MinWindowSize is the smallest size the window content asks for.
var MinWindowSize = fyne.NewSize(900, 640)

// Home draws no bold text. Fyne loads a text style's fonts the first time
// the style is drawn: the theme's, its own fallback, its emoji font and
// the system's font for the OS language, whether or not a glyph is missing
// (fyne v2.7 internal/painter/font.go, lookupFaces); in Japanese, bold
// means reading the whole of Noto Sans CJK Bold as well. So screen titles
// are set apart by size, buttons by colour, and bold is left to the forms
// and reports of the other screens (field names, their section titles),
// which load it when first shown (scripts/bench/NOTES.md has the figures).

// Buttons label in regular weight, as native Windows and macOS buttons do:
// Fyne's Button draws its text in this "strong" style, bold by default.
// The importance colours mark the main action.
func init() { widget.RichTextStyleStrong.TextStyle.Bold = false }

// bold is a label in bold: field names, the parts of a form to see first.
func bold(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// heading is a screen title, in regular weight (see above).
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	return l
}

// subheading is a section title inside a form or report, in bold: it
// heads bold field names. Home's empty list has a regular one of its own.
func subheading(text string) *widget.Label {
	l := bold(text)
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// wrap is how body text breaks: English at spaces; Japanese, which has no
// spaces between words, at any character (kinsoku aside, that is how
// Japanese UIs wrap).
func (u *UI) wrap() fyne.TextWrap {
	if u.L.Lang() == i18n.Japanese {
		return fyne.TextWrapBreak
	}
	return fyne.TextWrapWord
}

// para is wrapped body text.
func (u *UI) para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = u.wrap()
	return l
}

// hint is small secondary text under a field.
func (u *UI) hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = u.wrap()
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// errorLabel is an inline field error, hidden while empty.
func (u *UI) errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = u.wrap()
	l.Importance = widget.DangerImportance
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

// setError shows text in an inline message label, or hides it when empty.
// It reports whether anything visible changed, so callers relayout only then.
func setError(l *widget.Label, text string) bool {
	if l.Text == text && l.Visible() == (text != "") {
		return false
	}
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	return true
}

// field stacks a bold label, the input, an optional hint and an error label.
func (u *UI) field(label string, input fyne.CanvasObject, hintText string, errLabel *widget.Label) fyne.CanvasObject {
	items := []fyne.CanvasObject{bold(label), input}
	if hintText != "" {
		items = append(items, u.hint(hintText))
	}
	if errLabel != nil {
		items = append(items, errLabel)
	}
	return container.NewVBox(items...)
}

// relayout lays the window out again after labels appeared or vanished
// (the GL driver notices on its next frame; the test driver does not).
func (u *UI) relayout() {
	if c := u.Win.Content(); c != nil {
		c.Refresh()
	}
}

// minSizer makes a container ask for at least size.
func minSizer(size fyne.Size, content fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(size)
	return container.NewStack(r, content)
}

// buttonBar right-aligns buttons after optional left-hand objects.
func buttonBar(left []fyne.CanvasObject, right ...fyne.CanvasObject) fyne.CanvasObject {
	items := append([]fyne.CanvasObject{}, left...)
	items = append(items, layout.NewSpacer())
	items = append(items, right...)
	return container.NewHBox(items...)
}

// card is a padded section with a subtle background.
func card(content ...fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(container.NewVBox(content...)))
}
