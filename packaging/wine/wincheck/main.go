//go:build windows

// Command wincheck asks Windows (here: Wine) what scripts/wine-test.sh
// must check and the shell cannot see: Windows Installer's product
// registry, a file's security descriptor and Credential Manager. It is a
// test tool, built with GOOS=windows by the harness; it calls the Win32 API
// directly, not sfconnect's code, so it is an independent witness.
//
//	wincheck product {CODE}        state=<INSTALLSTATE> version=<VersionString>
//	wincheck related {UPGRADECODE} one line per installed product of the family
//	wincheck owner-only FILE       exit 0 when the DACL is protected and grants
//	                               only the current user, full control
//	wincheck acl-probe DIR         kept / ignored: does this Windows keep DACLs?
//	wincheck cred TARGET           present / absent (the secret is never printed)
//	wincheck browser LOG ARG... URL  plays a browser: logs its arguments, opens URL
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) >= 4 && os.Args[1] == "browser" {
		if err := browser(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "wincheck:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: wincheck product|related|owner-only|acl-probe|cred ARG | browser LOG ARG... URL")
		os.Exit(2)
	}
	var err error
	switch arg := os.Args[2]; os.Args[1] {
	case "product":
		err = product(arg)
	case "related":
		err = related(arg)
	case "owner-only":
		err = ownerOnly(arg)
	case "acl-probe":
		err = aclProbe(arg)
	case "cred":
		err = cred(arg)
	default:
		err = fmt.Errorf("unknown check %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wincheck:", err)
		os.Exit(1)
	}
}
