package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/sfconnect/sfconnect/assets/fonts"
)

// colorNameDemoBanner is the background of the DEMO banner: a pale tint
// that body text stays readable on (Fyne's warning orange is not, under
// either variant's foreground colour).
const colorNameDemoBanner fyne.ThemeColorName = "sfconnect.demoBanner"

// Fonts the theme serves for text: every style but monospace and symbols
// comes from the bundled Japanese font, whose Latin letters are fine too.
var (
	fontRegular = fyne.NewStaticResource("NotoSansCJKjp-Regular-subset.otf", fonts.Regular)
	fontBold    = fyne.NewStaticResource("NotoSansCJKjp-Bold-subset.otf", fonts.Bold)
)

// appTheme is Fyne's default theme with the bundled Japanese font and with
// status colours (success, warning, error, primary, the muted text of low
// importance labels) that reach WCAG AA contrast, 4.5:1, on the surfaces
// text sits on, under both variants. Fyne's own light colours do not: its
// green and orange on white are 1.5:1 and 2.2:1, and Windows starts apps in
// the light variant. The variant still follows the OS.
type appTheme struct{}

// Theme returns sfconnect's theme; New installs it in the app.
func Theme() fyne.Theme { return appTheme{} }

// palette holds the colours appTheme changes, per variant. Contrast
// figures (WCAG 2.x, on Background / InputBackground) are checked by
// TestThemeContrast.
var palette = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNamePrimary:             rgb(0x0b, 0x63, 0xc4),
		theme.ColorNameHyperlink:           rgb(0x0b, 0x63, 0xc4),
		theme.ColorNameSuccess:             rgb(0x1a, 0x73, 0x30),
		theme.ColorNameWarning:             rgb(0x9a, 0x4d, 0x00),
		theme.ColorNameError:               rgb(0xb3, 0x26, 0x1e),
		theme.ColorNameDisabled:            rgb(0x63, 0x63, 0x63),
		theme.ColorNamePlaceHolder:         rgb(0x63, 0x63, 0x63),
		theme.ColorNameForegroundOnPrimary: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnSuccess: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnWarning: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnError:   rgb(0xff, 0xff, 0xff),
		theme.ColorNameSelection:           color.NRGBA{R: 0x0b, G: 0x63, B: 0xc4, A: 0x26},
		colorNameDemoBanner:                rgb(0xff, 0xe0, 0xb2),
	},
	theme.VariantDark: {
		theme.ColorNamePrimary:             rgb(0x5e, 0xa8, 0xff),
		theme.ColorNameHyperlink:           rgb(0x5e, 0xa8, 0xff),
		theme.ColorNameSuccess:             rgb(0x43, 0xf4, 0x36),
		theme.ColorNameWarning:             rgb(0xff, 0x98, 0x00),
		theme.ColorNameError:               rgb(0xff, 0x6b, 0x5e),
		theme.ColorNameDisabled:            rgb(0x9a, 0x9a, 0x9a),
		theme.ColorNamePlaceHolder:         rgb(0xb2, 0xb2, 0xb2),
		theme.ColorNameForegroundOnPrimary: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnSuccess: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnWarning: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnError:   rgb(0x17, 0x17, 0x18),
		theme.ColorNameSelection:           color.NRGBA{R: 0x5e, G: 0xa8, B: 0xff, A: 0x33},
		colorNameDemoBanner:                rgb(0x4a, 0x34, 0x10),
	},
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

// Color returns the theme's colour; variants other than light (Fyne's test
// driver uses a third one) get the dark palette, as in Fyne's default theme.
func (appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if v != theme.VariantLight {
		v = theme.VariantDark
	}
	if c, ok := palette[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font serves the bundled Japanese font for proportional text; monospace
// (IDs, the countdown) and symbols keep Fyne's fonts.
func (appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return fontBold
	default:
		return fontRegular
	}
}

func (appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
