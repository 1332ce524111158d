// Command hellofyne is the floor for the GUI benchmark: the smallest Fyne window
// (one label), built from this module so it links the same Fyne version as
// sfconnect, with the same first-frame report (package ui/firstframe).
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/ui/firstframe"
)

func main() {
	a := app.NewWithID("jp.sfconnect.bench.hello")
	w := a.NewWindow("hello")
	w.SetContent(widget.NewLabel("Hello, world"))
	firstframe.Hook(a)
	w.ShowAndRun()
}
