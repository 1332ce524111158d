//go:build windows

package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/sys/windows"
)

// browser plays a browser installed under a path with spaces, for the
// --browser check: it appends how it was called (its own path as Windows
// passed it, then the arguments after LOG), one per line, to LOG (the
// URL's query cut off: it carries the state), then hands the URL to
// the shell as a default browser would be handed it, which under Wine
// runs packaging/wine/browser.sh to play the admin.
//
//	wincheck browser LOG [ARG ...] URL
func browser(args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("usage: wincheck browser LOG [ARG ...] URL")
	}
	log, rest := args[0], args[1:]
	var b strings.Builder
	for _, a := range append([]string{os.Args[0]}, rest...) {
		a, _, _ = strings.Cut(a, "?")
		b.WriteString(a + "\n")
	}
	f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	target, err := windows.UTF16PtrFromString(rest[len(rest)-1])
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, target, nil, nil, windows.SW_SHOWNORMAL)
}
