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
		{faultReset, "Cannot reach 127.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			c.t = t
			before := c.snapshot("keep")
			issued := len(c.sim.IssuedRefreshTokens())
			c.fault.set(tt.mode)
			code, _, reauthErr := c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
			code2, _, loginErr := c.login("new")
			c.fault.set(faultNone)
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
			c.assertIntact("keep", before)
		})
	}
}

// The exchange works, then the identity call fails: the checklist says
// which check failed, the new token is revoked, nothing is saved, and the
// saved connection is untouched.
func TestFaultIdentityFailsAfterAGoodExchange(t *testing.T) {
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	issued := len(c.sim.IssuedRefreshTokens())
	c.fault.set(faultIdentity)
	code, _, errOut := c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
	c.fault.set(faultNone)
	if code != exitFail || !strings.Contains(errOut, "✗ Could not find out who authorized the connection") {
		t.Errorf("exit %d, the admin saw:\n%s", code, errOut)
	}
	if got := c.sim.IssuedRefreshTokens(); len(got) != issued+1 || !c.sim.Revoked(got[issued]) {
		t.Errorf("the token of the failed re-authorization was not revoked (%d issued)", len(got)-issued)
	}
	c.assertIntact("keep", before)
}

// Salesforce hands out a refresh token larger than any keychain holds
// (Windows Credential Manager: 2560 bytes): the save is refused before the
// keychain is touched, with the sizes in the message, and the new token is
// revoked.
func TestFaultRefreshTokenTooLargeForTheKeychain(t *testing.T) {
	c := newFaultCLI(t)
	before := c.snapshot("keep")
	issued := len(c.sim.IssuedRefreshTokens())
	c.fault.set(faultHugeRT)
	code, _, errOut := c.run("", "reauth", "--profile", "keep", "--timeout", "20s")
	c.fault.set(faultNone)
	if code != exitFail || !strings.Contains(errOut, "more than the OS keychain can hold (2560 bytes)") {
		t.Errorf("exit %d, the admin saw %q", code, lastLine(errOut))
	}
	if got := c.sim.IssuedRefreshTokens(); len(got) <= issued || !c.sim.Revoked(got[len(got)-1]) {
		t.Error("the oversized token was not revoked")
	}
	c.assertIntact("keep", before)
}
