package ui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// WCAG 2.x AA asks 4.5:1 for body text
// (https://www.w3.org/TR/WCAG21/#contrast-minimum).
const minContrast = 4.5

// luminance is WCAG's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// over paints c onto the opaque colour bg, as the screen shows it.
func over(c, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// contrast is WCAG's contrast ratio of text colour fg on background bg.
func contrast(fg, bg color.Color) float64 {
	bg = over(bg, color.White)
	a, b := luminance(over(fg, bg)), luminance(bg)
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

func TestContrastFormula(t *testing.T) {
	// Reference values from the WCAG definition and WebAIM's checker.
	for _, tc := range []struct {
		fg, bg color.Color
		want   float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{rgb(0x77, 0x77, 0x77), color.White, 4.48},
		{rgb(0x76, 0x76, 0x76), color.White, 4.54},
		{rgb(0x43, 0xf4, 0x36), color.White, 1.48}, // Fyne's success green
	} {
		if got := contrast(tc.fg, tc.bg); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%v on %v) = %.2f, want %.2f", tc.fg, tc.bg, got, tc.want)
		}
	}
}

// TestThemeContrast checks every text colour the screens use on every
// surface text sits on, in both variants: labels of each importance
// (Low uses the disabled colour, High the primary), placeholders, text in
// buttons of each importance, a selected table row, and the DEMO banner.
func TestThemeContrast(t *testing.T) {
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePrimary,
		theme.ColorNameHyperlink, theme.ColorNameSuccess, theme.ColorNameWarning,
		theme.ColorNameError, theme.ColorNameDisabled, theme.ColorNamePlaceHolder}
	surfaces := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground, theme.ColorNameMenuBackground,
		theme.ColorNameButton}
	type pair struct{ fg, bg fyne.ThemeColorName }
	var pairs []pair
	for _, fg := range texts {
		for _, bg := range surfaces {
			pairs = append(pairs, pair{fg, bg})
		}
	}
	pairs = append(pairs,
		pair{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		pair{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
		pair{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
		pair{theme.ColorNameForegroundOnError, theme.ColorNameError},
		pair{theme.ColorNameForeground, colorNameDemoBanner},
	)
	th := Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		name := map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[v]
		bg := th.Color(theme.ColorNameBackground, v)
		for _, p := range pairs {
			t.Run(fmt.Sprintf("%s/%s_on_%s", name, p.fg, p.bg), func(t *testing.T) {
				// Translucent surfaces (buttons, selection) lie on the background.
				surface := over(th.Color(p.bg, v), bg)
				if got := contrast(th.Color(p.fg, v), surface); got < minContrast {
					t.Errorf("%s on %s: contrast %.2f:1, want at least %.1f:1", p.fg, p.bg, got, minContrast)
				}
			})
		}
		for _, fg := range texts {
			t.Run(fmt.Sprintf("%s/%s_on_selected_row", name, fg), func(t *testing.T) {
				sel := over(th.Color(theme.ColorNameSelection, v), bg)
				if got := contrast(th.Color(fg, v), sel); got < minContrast {
					t.Errorf("%s on a selected row: contrast %.2f:1, want at least %.1f:1", fg, got, minContrast)
				}
			})
		}
	}
}

func TestThemeFonts(t *testing.T) {
	th := Theme()
	for _, tc := range []struct {
		style fyne.TextStyle
		want  fyne.Resource
	}{
		{fyne.TextStyle{}, fontRegular},
		{fyne.TextStyle{Italic: true}, fontRegular},
		{fyne.TextStyle{Bold: true}, fontBold},
		{fyne.TextStyle{Bold: true, Italic: true}, fontBold},
		{fyne.TextStyle{Monospace: true}, theme.DefaultTheme().Font(fyne.TextStyle{Monospace: true})},
	} {
		if got := th.Font(tc.style); got != tc.want {
			t.Errorf("Font(%+v) = %s, want %s", tc.style, got.Name(), tc.want.Name())
		}
	}
}
