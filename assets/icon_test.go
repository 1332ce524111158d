package assets

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

func TestIconIsSquareRGBAPNG(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("Icon is not a PNG: %v", err)
	}
	if cfg.Width != 1024 || cfg.Height != 1024 {
		t.Errorf("Icon is %dx%d, want 1024x1024 (macOS and fyne package want the large size)", cfg.Width, cfg.Height)
	}
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("decode Icon: %v", err)
	}
	// The corners are outside the rounded tile: they must be transparent, or
	// the icon shows a square box on docks and taskbars.
	b := img.Bounds()
	for _, p := range []image.Point{b.Min, {b.Max.X - 1, 0}, {0, b.Max.Y - 1}, b.Max.Sub(image.Pt(1, 1))} {
		if _, _, _, a := img.At(p.X, p.Y).RGBA(); a != 0 {
			t.Errorf("corner %v has alpha %d, want 0", p, a)
		}
	}
	// The middle is the opaque tile.
	if _, _, _, a := img.At(b.Dx()/2, b.Dy()/5).RGBA(); a != 0xffff {
		t.Errorf("tile at (%d,%d) has alpha %d, want opaque", b.Dx()/2, b.Dy()/5, a)
	}
}
