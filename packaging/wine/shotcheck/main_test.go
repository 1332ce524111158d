package main

import (
	"image"
	"image/color"
	"strings"
	"testing"
)

func TestJudge(t *testing.T) {
	glyphs := checks{glyphs: true, minShapes: 60, maxShare: 0.2}
	script := func(s string) checks { return checks{script: s, fullWidth: 0.2} }
	blank := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for i := range blank.Pix {
		blank.Pix[i] = 0xff
	}
	dark := framed(color.RGBA{0x17, 0x17, 0x18, 0xff})
	for _, tt := range []struct {
		name   string
		img    image.Image
		c      checks
		wantOK bool
		want   string
	}{
		// Screenshots of the Home screen in Japanese under Wine, with no CJK
		// font in the prefix: the app with the bundled font, and the app
		// before it (U+FFFD marks for every Japanese character); and in
		// English.
		{"real Japanese", mustLoad(t, "testdata/home-ja.png"), glyphs, true, "distinct shapes"},
		{"tofu", mustLoad(t, "testdata/home-ja-tofu.png"), glyphs, false, "looks like tofu"},
		{"real English", mustLoad(t, "testdata/home-en.png"), glyphs, true, "distinct shapes"},
		// Many shapes do not make a window Japanese: the script check does.
		{"Japanese is Japanese", mustLoad(t, "testdata/home-ja.png"), script("ja"), true, "full-width"},
		{"English is not Japanese", mustLoad(t, "testdata/home-en.png"), script("ja"), false, "not Japanese"},
		{"tofu is not Japanese", mustLoad(t, "testdata/home-ja-tofu.png"), script("ja"), false, "not Japanese"},
		{"English is Latin", mustLoad(t, "testdata/home-en.png"), script("latin"), true, "full-width"},
		{"Japanese is not Latin", mustLoad(t, "testdata/home-ja.png"), script("latin"), false, "not Latin"},
		{"tofu, glyphs not asked", mustLoad(t, "testdata/home-ja-tofu.png"), checks{}, true, "colours"},
		{"the light theme", mustLoad(t, "testdata/home-ja.png"), checks{light: true}, true, "background grey level 255"},
		{"a dark window asked to be light", dark, checks{light: true}, false, "not the light theme"},
		{"a blank window", blank, checks{}, false, "looks blank"},
		{"one colour with a frame", framed(color.RGBA{0xee, 0xee, 0xee, 0xff}), checks{}, false, "looks blank"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			report, ok := judge(tt.img, tt.c)
			text := strings.Join(report, "\n")
			if ok != tt.wantOK || !strings.Contains(text, tt.want) {
				t.Errorf("judge = %v, want %v with %q:\n%s", ok, tt.wantOK, tt.want, text)
			}
		})
	}
}

func mustLoad(t *testing.T, path string) image.Image {
	t.Helper()
	img, err := load(path, "")
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// framed is a window of colour bg with a contrasting border and some
// shades: varied enough in brightness, but few colours.
func framed(bg color.RGBA) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for y := 0; y < 100; y++ {
		for x := 0; x < 200; x++ {
			c := bg
			if x < 40 || y < 20 {
				c = color.RGBA{0xff - bg.R, 0xff - bg.G, 0xff - bg.B, 0xff}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

func TestLoadCropsToTheWindow(t *testing.T) {
	img, err := load("testdata/home-ja.png", "10,20,300,200")
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 200 {
		t.Errorf("cropped to %v", b)
	}
	if _, err := load("testdata/home-ja.png", "5000,5000,10,10"); err == nil {
		t.Error("a window outside the screenshot was accepted")
	}
}
