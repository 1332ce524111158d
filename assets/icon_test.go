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

func TestWindowIconIsTheIconAt256(t *testing.T) {
	small, err := png.Decode(bytes.NewReader(WindowIcon))
	if err != nil {
		t.Fatalf("WindowIcon is not a PNG: %v", err)
	}
	if b := small.Bounds(); b.Dx() != 256 || b.Dy() != 256 {
		t.Fatalf("WindowIcon is %dx%d, want 256x256", b.Dx(), b.Dy())
	}
	large, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatal(err)
	}
	// Same picture: transparent corners, and the same colours in the
	// middle of the tile (a stale or different image would differ).
	if _, _, _, a := small.At(0, 0).RGBA(); a != 0 {
		t.Errorf("WindowIcon corner alpha %d, want 0", a)
	}
	for _, p := range []image.Point{{128, 40}, {128, 150}, {128, 225}} {
		sr, sg, sb, _ := small.At(p.X, p.Y).RGBA()
		lr, lg, lb, _ := large.At(p.X*4+2, p.Y*4+2).RGBA()
		if diff(sr, lr) > 0x1800 || diff(sg, lg) > 0x1800 || diff(sb, lb) > 0x1800 {
			t.Errorf("WindowIcon at %v is %x,%x,%x, Icon there is %x,%x,%x: rerun scripts/make-icon.sh", p, sr, sg, sb, lr, lg, lb)
		}
	}
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
