package main

import (
	"fmt"
	"slices"
)

// stat summarizes the runs of one figure.
type stat struct {
	N                int
	Median, Min, Max float64
	Unit             string
}

func summarize(xs []float64, unit string) stat {
	if len(xs) == 0 {
		return stat{Unit: unit}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{N: len(s), Median: med, Min: s[0], Max: s[len(s)-1], Unit: unit}
}

// cells renders median, min and max for a table row.
func (s stat) cells() string {
	if s.N == 0 {
		return "n/a | n/a | n/a"
	}
	return fmt.Sprintf("%s | %s | %s", num(s.Median, s.Unit), num(s.Min, s.Unit), num(s.Max, s.Unit))
}

// num prints a figure with a precision that suits its size.
func num(v float64, unit string) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f %s", v, unit)
	case v >= 10:
		return fmt.Sprintf("%.1f %s", v, unit)
	default:
		return fmt.Sprintf("%.2f %s", v, unit)
	}
}
