package main

import (
	"image"
	"math"
)

// grid is an image's grey levels, 0-255, row by row.
type grid struct {
	w, h int
	px   []uint8
}

func (g grid) at(x, y int) uint8 { return g.px[y*g.w+x] }

func gray(img image.Image) grid {
	b := img.Bounds()
	g := grid{w: b.Dx(), h: b.Dy(), px: make([]uint8, b.Dx()*b.Dy())}
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			r, gr, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			g.px[y*g.w+x] = uint8((299*r + 587*gr + 114*bl) / 1000 >> 8)
		}
	}
	return g
}

// spread is the standard deviation of the grey levels (0-1) and the number
// of distinct colours: what gui-smoke.sh asks of ImageMagick.
func spread(img image.Image, g grid) (float64, int) {
	var sum, sq float64
	for _, v := range g.px {
		f := float64(v) / 255
		sum += f
		sq += f * f
	}
	n := float64(len(g.px))
	mean := sum / n
	colours := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, gr, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r, gr, bl}] = true
		}
	}
	return math.Sqrt(math.Max(sq/n-mean*mean, 0)), len(colours)
}

// commonest is the grey level most pixels have: a window's background.
func commonest(g grid) int {
	var hist [256]int
	for _, v := range g.px {
		hist[v]++
	}
	best := 0
	for v := range hist {
		if hist[v] > hist[best] {
			best = v
		}
	}
	return best
}
