package main

// inkDelta is how far from the local background a pixel must be to count
// as ink: text is dark on light (or light on dark), panels and cards only
// differ by a few levels.
const inkDelta = 70

// ink marks the pixels that differ from the background level of their
// own row: the most common level on that row, so that cards, buttons and
// bars of another shade do not turn into ink.
func ink(g grid) []bool {
	out := make([]bool, len(g.px))
	for y := 0; y < g.h; y++ {
		bg := commonest(grid{w: g.w, h: 1, px: g.px[y*g.w : (y+1)*g.w]})
		for x := 0; x < g.w; x++ {
			d := int(g.at(x, y)) - bg
			out[y*g.w+x] = d > inkDelta || d < -inkDelta
		}
	}
	return out
}

// cell is one glyph (or a few touching glyphs): its ink, tightly cropped.
type cell struct {
	w, h int
	on   []bool
}

// stats is what glyphStats measures of a window's text.
type stats struct {
	cells  int // glyph-sized cells of ink
	shapes int // distinct shapes among them
	top    int // cells of the commonest shape
	// square counts the full-width cells: about as wide as high, and at
	// least fullWidthMin pixels each way. Kanji and kana are drawn on a
	// square em box, so in Japanese text most glyphs are such cells; Latin
	// letters are narrower than high, or x-height low, and only icons and
	// a few bold capitals or touching pairs come out square.
	square int
}

// fullWidthMin is the least width and height of a full-width cell: body
// text in the app is 14 px, where a kanji's ink is 12-13 px and a Latin
// lowercase letter's 7-8 px high.
const fullWidthMin = 10

// glyphStats cuts the ink into text lines (runs of rows with ink) and
// cells (runs of columns with ink inside a line), groups cells of the same
// shape, and counts the cells, the shapes, the largest group and the
// full-width cells.
func glyphStats(g grid) (st stats) {
	on := ink(g)
	var groups []struct {
		c cell
		n int
	}
	for _, ln := range runs(g.h, func(y int) bool { return rowHasInk(on, g.w, y) }) {
		for _, col := range runs(g.w, func(x int) bool { return colHasInk(on, g.w, x, ln[0], ln[1]) }) {
			c, ok := crop(on, g.w, col[0], col[1], ln[0], ln[1])
			// Glyph-sized only: lines of rules and borders, icons and big
			// blocks (a button's background) are not text.
			if !ok || c.h < 6 || c.h > 40 || c.w > 60 || c.w < 2 {
				continue
			}
			st.cells++
			if c.w >= fullWidthMin && c.h >= fullWidthMin && abs(c.w-c.h) <= 3 {
				st.square++
			}
			found := false
			for i := range groups {
				if same(groups[i].c, c) {
					groups[i].n++
					found = true
					break
				}
			}
			if !found {
				groups = append(groups, struct {
					c cell
					n int
				}{c, 1})
			}
		}
	}
	for _, gr := range groups {
		if gr.n > st.top {
			st.top = gr.n
		}
	}
	st.shapes = len(groups)
	return st
}

// runs returns the [start, end) ranges of 0..n where has is true.
func runs(n int, has func(int) bool) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= n; i++ {
		if i < n && has(i) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}

func rowHasInk(on []bool, w, y int) bool {
	for x := 0; x < w; x++ {
		if on[y*w+x] {
			return true
		}
	}
	return false
}

func colHasInk(on []bool, w, x, y0, y1 int) bool {
	for y := y0; y < y1; y++ {
		if on[y*w+x] {
			return true
		}
	}
	return false
}

// crop returns the ink of columns x0..x1 and rows y0..y1, trimmed to its
// bounding box.
func crop(on []bool, w, x0, x1, y0, y1 int) (cell, bool) {
	top, bottom := -1, -1
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if on[y*w+x] {
				if top < 0 {
					top = y
				}
				bottom = y + 1
				break
			}
		}
	}
	if top < 0 {
		return cell{}, false
	}
	c := cell{w: x1 - x0, h: bottom - top}
	c.on = make([]bool, c.w*c.h)
	for y := top; y < bottom; y++ {
		for x := x0; x < x1; x++ {
			c.on[(y-top)*c.w+x-x0] = on[y*w+x]
		}
	}
	return c, true
}

// same reports whether two cells have one shape: sizes within a pixel and
// at most a tenth of the pixels different (glyphs drawn at other sub-pixel
// offsets differ a little at their edges).
func same(a, b cell) bool {
	if abs(a.w-b.w) > 1 || abs(a.h-b.h) > 1 {
		return false
	}
	w, h := min(a.w, b.w), min(a.h, b.h)
	diff := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if a.on[y*a.w+x] != b.on[y*b.w+x] {
				diff++
			}
		}
	}
	return diff*10 <= w*h
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
