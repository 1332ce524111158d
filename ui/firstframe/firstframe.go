// Package firstframe lets a benchmark see when a Fyne app has put its first
// frame on screen. It exists only for `make bench` (scripts/bench): with
// SFCONNECT_FIRST_FRAME=1 in the environment the app prints one line,
// "first-frame <Unix time in ns>", on stderr; without it nothing happens.
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

// Hook arranges the report for a, if the environment asks for it. Call it
// before the app runs. It takes the app's OnStarted callback: Fyne's GLFW
// driver paints and swaps the first frame of a window that has content in
// Window.Show, before the event loop starts, and only then calls OnStarted
// (fyne v2.7 internal/driver/glfw window.go Show and loop.go runGL).
func Hook(a fyne.App) {
	if os.Getenv(EnvVar) != "1" {
		return
	}
	a.Lifecycle().SetOnStarted(func() { fmt.Fprintf(out, "%s%d\n", Prefix, time.Now().UnixNano()) })
}

// out is where the line goes; tests swap it.
var out io.Writer = os.Stderr
