// Package firstframe runs work once a Fyne app has put its first frame on
// screen, and lets a benchmark see when that was: with
// SFCONNECT_FIRST_FRAME=1 in the environment the app prints one line,
// "first-frame <Unix time in ns>", on stderr (`make bench`, scripts/bench).
package firstframe

import (
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// EnvVar turns the report on when set to "1".
const EnvVar = "SFCONNECT_FIRST_FRAME"

// Prefix starts the line the benchmark looks for.
const Prefix = "first-frame "

// Hook arranges the report for a, if the environment asks for it, and runs
// each of then in its own goroutine after the first frame. Call it before
// the app runs. It takes the app's OnStarted callback: Fyne's GLFW driver
// paints and swaps the first frame of a window that has content in
// Window.Show, before the event loop starts, and only then calls OnStarted
// (fyne v2.7 internal/driver/glfw window.go Show and loop.go runGL).
func Hook(a fyne.App, then ...func()) {
	report := os.Getenv(EnvVar) == "1"
	if !report && len(then) == 0 {
		return
	}
	a.Lifecycle().SetOnStarted(func() {
		if report {
			fmt.Fprintf(out, "%s%d\n", Prefix, time.Now().UnixNano())
		}
		for _, f := range then {
			go f()
		}
	})
}

// out is where the line goes; tests swap it.
var out io.Writer = os.Stderr
