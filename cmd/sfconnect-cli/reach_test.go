package main

import (
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

// reachCLI is a CLI on a corporate network on loopback: the org served over
// TLS at its real My Domain, https://acme.my.salesforce.com (port 443
// mapped to the simulator), the admin's browser reaching it directly, and
// the CLI going the way its flags and the environment say.
func reachCLI(t *testing.T) (*cli, *proxytest.Salesforce) {
	c := newCLI(t)
	opts := sfsim.DemoOptions(c.callback)
	opts.Consent = sfsim.ConsentAuto
	sf := proxytest.StartSalesforce(t, opts)
	c.sim = sf.Sim
	c.net = nettest.Direct(sf)
	c.web = testkit.NewBrowser(testkit.Follow, sf.Browser())
	return c, sf
}

func (c *cli) loginAtMyDomain(extra ...string) (int, string, string) {
	args := append([]string{"login", "--profile", "prod", "--org", "acme", "--client-id", sfsim.DemoClientID,
		"--client-secret-stdin", "--callback", c.callback, "--timeout", "20s"}, extra...)
	return c.run(sfsim.DemoClientSecret+"\n", args...)
}

// The browser signs in, then the token exchange meets the proxy's 407: the
// admin reads, in English and Japanese, what doctor says for the same
// proxy, and nothing is saved.
func TestCLILoginMeetingA407SaysWhatDoctorSays(t *testing.T) {
	c, sf := reachCLI(t)
	authed := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: sf.DialContext, User: "taro", Password: "right"})
	for lang, want := range map[string]string{
		"en_US.UTF-8": "error: The proxy " + authed.Addr + " requires a user name and password",
		"ja_JP.UTF-8": "エラー: プロキシ " + authed.Addr + " はユーザー名とパスワードを求めています",
	} {
		c.vars["LANG"] = lang
		code, _, errOut := c.loginAtMyDomain("--proxy", authed.URL)
		if code != exitFail || !strings.HasPrefix(lastLine(errOut), want) {
			t.Errorf("%s: exit %d, the admin saw %q, want %q", lang, code, lastLine(errOut), want)
		}
	}
	c.vars["LANG"] = "en_US.UTF-8"
	_, doctor, _ := c.run("", "doctor", "--org", "acme", "--callback", c.callback, "--proxy", authed.URL)
	if !strings.Contains(doctor, "✗ Connection to Salesforce: The proxy "+authed.Addr+" requires a user name and password") {
		t.Errorf("doctor says something else:\n%s", doctor)
	}
	if authed.Denied() < 3 || authed.Connects() != 0 || len(sf.Sim.IssuedRefreshTokens()) != 0 {
		t.Errorf("proxy denied %d, tunneled %d, tokens issued %d", authed.Denied(), authed.Connects(), len(sf.Sim.IssuedRefreshTokens()))
	}
	if _, _, errOut := c.run("", "list"); !strings.Contains(errOut, "No profiles") {
		t.Errorf("something was saved: %s", errOut)
	}
}

// A TLS-inspecting proxy appears after the connection was saved: verify and
// check name the untrusted issuer and the CA file that fixes it.
func TestCLIVerifyAndCheckExplainTLSInspection(t *testing.T) {
	c, sf := reachCLI(t)
	if code, _, errOut := c.loginAtMyDomain(); code != exitOK {
		t.Fatalf("login exit %d: %s", code, errOut)
	}
	corp := proxytest.NewCA(t, "Corp SSL Inspection CA")
	inspecting := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: sf.DialContext, Inspect: corp, UpstreamRoots: sf.Root.Pool()})
	untrusted := `The certificate presented for acme.my.salesforce.com was issued by "Corp SSL Inspection CA", which this computer does not trust`

	code, _, errOut := c.run("", "verify", "--profile", "prod", "--proxy", inspecting.URL)
	if code != exitFail || !strings.Contains(errOut, "Salesforce could not be asked whether the refresh token is active") ||
		!strings.Contains(errOut, untrusted) || !strings.Contains(errOut, "--ca-file") ||
		strings.Contains(errOut, "verify --deep") {
		t.Errorf("verify exit %d:\n%s", code, errOut)
	}
	c.vars["HTTPS_PROXY"] = inspecting.URL
	code, out, _ := c.run("", "check", "--profile", "prod")
	if code != exitUnknown || !strings.Contains(out, untrusted) {
		t.Errorf("check exit %d:\n%s", code, out)
	}
	if inspecting.Connects() < 2 {
		t.Errorf("the inspecting proxy saw %d tunnels", inspecting.Connects())
	}
	delete(c.vars, "HTTPS_PROXY")
	caFile := corp.WriteFile(t, t.TempDir())
	if code, _, errOut := c.run("", "verify", "--profile", "prod", "--proxy", inspecting.URL, "--ca-file", caFile); code != exitOK {
		t.Errorf("verify with the corporate root: exit %d\n%s", code, errOut)
	}
}

// delete meets a proxy that answers 502: it says nothing was deleted and
// why, the profile is still listed, and once the way is clear delete works.
func TestCLIDeleteMeetingA502KeepsTheProfileAndSaysWhy(t *testing.T) {
	c, sf := reachCLI(t)
	if code, _, errOut := c.loginAtMyDomain(); code != exitOK {
		t.Fatalf("login exit %d: %s", code, errOut)
	}
	cutOff := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: proxytest.Hosts{}}) // reaches nothing: 502
	code, _, errOut := c.run("", "delete", "--profile", "prod", "--proxy", cutOff.URL)
	if code != exitFail || !strings.Contains(errOut, `Nothing was deleted: the refresh token of "prod" could not be revoked`) ||
		!strings.HasPrefix(lastLine(errOut), "error: The proxy "+cutOff.Addr+" could not reach Salesforce (HTTP 502)") {
		t.Errorf("delete exit %d:\n%s", code, errOut)
	}
	if code, out, _ := c.run("", "list"); code != exitOK || !strings.Contains(out, "prod") {
		t.Errorf("the profile is gone: %s", out)
	}
	issued := sf.Sim.IssuedRefreshTokens()
	if sf.Sim.Revoked(issued[len(issued)-1]) {
		t.Error("the token was revoked although delete said it was not")
	}
	if code, _, errOut := c.run("", "delete", "--profile", "prod"); code != exitOK || !sf.Sim.Revoked(issued[len(issued)-1]) {
		t.Errorf("delete on a clear way: exit %d, %s", code, errOut)
	}
}

// Salesforce is reachable only through a proxy that wants a password, and
// the connection was saved through it: check, like verify, goes the way
// the connection was saved (the password from the keychain), with no flag;
// a network flag given to check wins over the saved setting for that run.
func TestCLICheckGoesTheWayTheConnectionWasSaved(t *testing.T) {
	c, sf := reachCLI(t)
	c.net.DialContext, c.net.LookupHost = proxytest.Hosts{}.DialContext, proxytest.Hosts{}.LookupHost
	corp := proxytest.StartProxy(t, proxytest.ProxyOptions{Dial: sf.DialContext, User: "taro", Password: "right"})
	c.vars["SFCONNECT_PROXY_PASSWORD"] = "right"
	if code, _, errOut := c.loginAtMyDomain("--proxy", corp.URL, "--proxy-user", "taro"); code != exitOK {
		t.Fatalf("login exit %d: %s", code, errOut)
	}
	for _, args := range [][]string{{"verify", "--profile", "prod"}, {"check", "--profile", "prod"}, {"check", "--all"}} {
		before := corp.Connects()
		if code, out, errOut := c.run("", args...); code != exitOK || corp.Connects() == before {
			t.Errorf("%v: exit %d, %d tunnels\n%s%s", args, code, corp.Connects()-before, out, errOut)
		}
	}
	cutOff := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: proxytest.Hosts{}}) // reaches nothing: 502
	code, out, _ := c.run("", "check", "--all", "--proxy", cutOff.URL)
	if code != exitUnknown || !strings.Contains(out, "The proxy "+cutOff.Addr+" could not reach Salesforce (HTTP 502)") || len(cutOff.Targets()) == 0 {
		t.Errorf("check --proxy: exit %d\n%s", code, out)
	}
	if corp.Denied() != 0 {
		t.Errorf("the proxy denied %d requests: a check went without the saved password", corp.Denied())
	}
}
