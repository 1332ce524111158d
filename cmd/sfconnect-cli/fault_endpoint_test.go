package main

import (
	"strings"
	"testing"
)

// Salesforce's token endpoint misbehaves while a saved connection is
// re-authorized and while a new one is made: the admin is told what went
// wrong, the saved connection keeps working, the new one leaves nothing.
func TestFaultTokenEndpoint(t *testing.T) {
	c := newFaultCLI(t)
	tests := []struct {
		mode, message string
	}{
		{faultSlow, "did not answer in time"},
		{faultOutage, "Salesforce answered with a server error (HTTP 503)"},
		{faultGarbage, "Salesforce's answer could not be read"},
		{faultReset, "cannot be reached: the connection was refused or broken off"},
	}
	for _, tt := range tests {
		var code, code2 int
		var reauthErr, loginErr string
		c.duringFault(t, tt.mode, func() {
			code, _, reauthErr = c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
			code2, _, loginErr = c.login("new")
		}, func(t *testing.T, issued int) {
			for _, r := range []struct {
				cmd  string
				code int
				err  string
			}{{"reauth", code, reauthErr}, {"login", code2, loginErr}} {
				if last := lastLine(r.err); r.code != exitFail || !strings.HasPrefix(last, "error: ") || !strings.Contains(last, tt.message) {
					t.Errorf("%s: exit %d, the admin saw %q, want %q", r.cmd, r.code, lastLine(r.err), tt.message)
				}
			}
			c.assertNothingFor("new", issued)
		})
	}
}

// The exchange works, then something fails before the save: the identity
// call (the checklist says which check failed), or the keychain, when
// Salesforce hands out a refresh token larger than any keychain holds
// (Windows Credential Manager: 2560 bytes; the save is refused before the
// keychain is touched, with the sizes). Either way the new token is
// revoked, nothing is saved and the saved connection is untouched.
func TestFaultAfterAGoodExchange(t *testing.T) {
	c := newFaultCLI(t)
	for _, tt := range []struct{ mode, message string }{
		{faultIdentity, "✗ Could not find out who authorized the connection"},
		{faultHugeRT, "more than the OS keychain can hold (2560 bytes)"},
	} {
		var code int
		var errOut string
		c.duringFault(t, tt.mode, func() {
			code, _, errOut = c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
		}, func(t *testing.T, issued int) {
			if code != exitFail || !strings.Contains(errOut, tt.message) {
				t.Errorf("exit %d, the admin saw:\n%s", code, errOut)
			}
			c.assertNewTokenRevoked(issued)
		})
	}
}
