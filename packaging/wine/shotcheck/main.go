// Command shotcheck judges a screenshot of the app's window for
// scripts/wine-test.sh: is anything drawn, and does the text show real
// glyphs rather than tofu (the boxes or U+FFFD marks a missing font gives)?
//
//	shotcheck [-glyphs] [-script ja|latin] [-light] -window X,Y,W,H shot.png
//
// Blank: the grey levels must vary and more than 16 colours be present.
// Light: the window's commonest grey level, its background, is light.
// Glyphs: text is cut into glyph cells (runs of ink between blank columns,
// within lines between blank rows); cells of the same shape are grouped.
// Text rendered for real gives many shapes, none dominant; tofu gives one
// replacement shape over and over. Measured under Wine on the Home screen
// in Japanese: 130 shapes, the commonest 4% of the cells with the bundled
// font; 24 shapes, one of them 41%, without it (testdata/). In English:
// 137 shapes, the commonest 5%.
//
// Script: many shapes say nothing about the language (English passes the
// glyph check as well as Japanese), so -script looks at the cells' form:
// kanji and kana fill a square em box, Latin letters do not. The share of
// full-width cells (square, 10 px or more each way) measured 38-62% on the
// Japanese screens under Wine and 29-43% on the Japanese goldens of ui/
// (screens with Latin names, URLs and IDs among the Japanese); 7-10% on
// the English Home, Prepare, Authorize and Result under Wine, 5-12% on the
// English goldens, 11% on the tofu screenshot. -script ja asks for at
// least -full-width (20%), -script latin for less.
package main

import (
	"flag"
	"fmt"
	"image"
	_ "image/png"
	"os"
)

func main() {
	var c checks
	flag.BoolVar(&c.glyphs, "glyphs", false, "also check that the text shows many distinct glyph shapes")
	flag.BoolVar(&c.light, "light", false, "also check that the window has a light background (the light theme)")
	flag.IntVar(&c.minShapes, "min-shapes", 60, "with -glyphs: fewest distinct glyph shapes")
	flag.Float64Var(&c.maxShare, "max-share", 0.2, "with -glyphs: largest share of cells one shape may have")
	flag.StringVar(&c.script, "script", "", "also check the writing system of the text: ja (kanji and kana) or latin")
	flag.Float64Var(&c.fullWidth, "full-width", 0.2, "with -script: the share of full-width cells that divides ja from latin")
	window := flag.String("window", "", "X,Y,W,H of the window in the screenshot")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: shotcheck [-glyphs] [-script ja|latin] [-light] -window X,Y,W,H shot.png")
		os.Exit(2)
	}
	if c.script != "" && c.script != "ja" && c.script != "latin" {
		fmt.Fprintf(os.Stderr, "shotcheck: -script %q: want ja or latin\n", c.script)
		os.Exit(2)
	}
	img, err := load(flag.Arg(0), *window)
	if err != nil {
		fmt.Fprintln(os.Stderr, "shotcheck:", err)
		os.Exit(2)
	}
	report, ok := judge(img, c)
	for _, line := range report {
		fmt.Println(line)
	}
	if !ok {
		os.Exit(1)
	}
}

// checks are the optional checks and their limits.
type checks struct {
	glyphs, light bool
	minShapes     int
	maxShare      float64
	script        string // "", "ja" or "latin"
	fullWidth     float64
}

// judge checks img as described above and says what it measured.
func judge(img image.Image, c checks) (report []string, ok bool) {
	g := gray(img)
	sd, colours := spread(img, g)
	report = append(report, fmt.Sprintf("brightness deviation %.3f, %d colours", sd, colours))
	ok = true
	if sd < 0.02 || colours <= 16 {
		report = append(report, "FAIL: the window looks blank")
		ok = false
	}
	if c.light {
		bg := commonest(g)
		report = append(report, fmt.Sprintf("background grey level %d of 255", bg))
		if bg < 200 {
			report = append(report, "FAIL: the background is not light: not the light theme")
			ok = false
		}
	}
	if !c.glyphs && c.script == "" {
		return report, ok
	}
	st := glyphStats(g)
	if c.glyphs {
		share := ratio(st.top, st.cells)
		report = append(report, fmt.Sprintf("%d glyph cells, %d distinct shapes, the commonest shape is %.0f%% of the cells",
			st.cells, st.shapes, 100*share))
		if st.shapes < c.minShapes || share > c.maxShare {
			report = append(report, fmt.Sprintf("FAIL: the text looks like tofu (want at least %d shapes and none over %.0f%%)",
				c.minShapes, 100*c.maxShare))
			ok = false
		}
	}
	if c.script != "" {
		report, ok = judgeScript(report, ok, st, c)
	}
	return report, ok
}

// judgeScript checks the share of full-width cells against -script.
func judgeScript(report []string, ok bool, st stats, c checks) ([]string, bool) {
	full := ratio(st.square, st.cells)
	report = append(report, fmt.Sprintf("%d of %d glyph cells full-width (%.0f%%): kanji and kana are, Latin letters are not",
		st.square, st.cells, 100*full))
	switch {
	case c.script == "ja" && full < c.fullWidth:
		report = append(report, fmt.Sprintf("FAIL: the text is not Japanese (want at least %.0f%% full-width cells)", 100*c.fullWidth))
		ok = false
	case c.script == "latin" && full >= c.fullWidth:
		report = append(report, fmt.Sprintf("FAIL: the text looks Japanese, not Latin (want under %.0f%% full-width cells)", 100*c.fullWidth))
		ok = false
	}
	return report, ok
}

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func load(path, window string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return nil, err
	}
	if window == "" {
		return img, nil
	}
	var x, y, w, h int
	if _, err := fmt.Sscanf(window, "%d,%d,%d,%d", &x, &y, &w, &h); err != nil {
		return nil, fmt.Errorf("-window %q: %w", window, err)
	}
	r := image.Rect(x, y, x+w, y+h).Intersect(img.Bounds())
	if r.Empty() {
		return nil, fmt.Errorf("-window %q lies outside the %v screenshot", window, img.Bounds())
	}
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(r), nil
}
