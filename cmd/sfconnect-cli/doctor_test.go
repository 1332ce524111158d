package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit/nettest"
)

func TestDoctorAgainstTheLoopbackSimulator(t *testing.T) {
	c := newCLI(t)
	code, out, errOut := c.run("", "doctor", "--org", "acme", "--login-url", c.simURL, "--callback", c.callback)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"✓ Org:", "✓ Callback port:", "✓ Proxy:", "✓ Connection to Salesforce:", "✓ Certificate:", "No check failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	c.vars["LANG"] = "ja_JP.UTF-8"
	if _, out, _ := c.run("", "doctor", "--org", "acme", "--login-url", c.simURL, "--callback", c.callback); !strings.Contains(out, "✓ コールバック用ポート:") {
		t.Errorf("Japanese output:\n%s", out)
	}
}

func TestDoctorNeedsOneTarget(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{{"doctor"}, {"doctor", "--org", "acme", "--profile", "p"}} {
		if code, _, errOut := c.run("", args...); code != exitUsage || !strings.Contains(errOut, "--profile NAME or --org ORG") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

// corpCLI is a CLI whose network is a corporate one on loopback: the
// simulator over TLS at https://acme.my.salesforce.com:PORT (names mapped
// to loopback for the CLI's dialer and the proxies'), and its public root
// as the OS trust store.
func corpCLI(t *testing.T) (*cli, *proxytest.Salesforce) {
	c := newCLI(t)
	sf := proxytest.StartSalesforce(t, sfsim.DemoOptions(c.callback))
	c.net = nettest.Direct(sf)
	return c, sf
}

func TestDoctorThroughProxiesPACAndTLSInspection(t *testing.T) {
	c, sf := corpCLI(t)
	plain := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: sf.Hosts})
	authed := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: sf.Hosts, User: "taro", Password: "right"})
	corp := proxytest.NewCA(t, "Corp SSL Inspection CA")
	inspecting := proxytest.StartProxy(t, proxytest.ProxyOptions{Hosts: sf.Hosts, Inspect: corp, UpstreamRoots: sf.Root.Pool()})
	pac := proxytest.ServePAC(t, `function FindProxyForURL(url, host) {
		return dnsDomainIs(host, ".salesforce.com") ? "PROXY `+plain.Addr+`" : "DIRECT"; }`)
	caFile := corp.WriteFile(t, t.TempDir())
	base := []string{"doctor", "--org", "acme", "--callback", c.callback, "--login-url", sf.URL("acme.my.salesforce.com")}
	tests := []struct {
		name  string
		vars  map[string]string
		flags []string
		code  int
		want  []string
	}{
		{"direct", nil, nil, exitOK, []string{"✓ Proxy: No proxy is configured", "✓ Certificate: The certificate of acme.my.salesforce.com is valid (issued by Test Public Root CA)"}},
		{"env proxy", map[string]string{"HTTPS_PROXY": plain.URL}, nil, exitOK, []string{"from the environment variable HTTPS_PROXY", "✓ Connection to Salesforce"}},
		{"PAC", nil, []string{"--pac", pac.URL}, exitOK, []string{"the PAC file " + pac.URL + " set in sfconnect answered \"PROXY " + plain.Addr + "\""}},
		{"proxy auth missing", nil, []string{"--proxy", authed.URL}, exitFail, []string{"✗ Connection to Salesforce: The proxy " + authed.Addr + " requires a user name and password"}},
		{"proxy auth wrong", map[string]string{"SFCONNECT_PROXY_PASSWORD": "wrong"}, []string{"--proxy", authed.URL, "--proxy-user", "taro"}, exitFail, []string{"rejected the user name or password"}},
		{"proxy auth right", map[string]string{"SFCONNECT_PROXY_PASSWORD": "right"}, []string{"--proxy", authed.URL, "--proxy-user", "taro"}, exitOK, []string{"✓ Connection to Salesforce"}},
		{"TLS inspection", map[string]string{"HTTPS_PROXY": inspecting.URL}, nil, exitFail, []string{`✗ Certificate: The certificate presented for acme.my.salesforce.com was issued by "Corp SSL Inspection CA"`, "--ca-file"}},
		{"TLS inspection with --ca-file", map[string]string{"HTTPS_PROXY": inspecting.URL}, []string{"--ca-file", caFile}, exitOK, []string{"✓ Certificate:", "verified with your CA certificate file"}},
		{"Lightning URL entered", nil, []string{"--org", "https://acme.lightning.force.com/lightning/page/home"}, exitOK, []string{"✓ Org: You entered an address on acme.lightning.force.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.vars = map[string]string{"LANG": "en_US.UTF-8"}
			for k, v := range tt.vars {
				c.vars[k] = v
			}
			code, out, errOut := c.run("", append(append([]string(nil), base...), tt.flags...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s\n%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out+errOut, "right") || strings.Contains(out+errOut, "wrong") {
				t.Error("a proxy password reached the output")
			}
		})
	}
	if got, _ := c.store.Get(context.Background(), secrets.ProxyAccount("taro")); got != "right" {
		t.Errorf("keychain holds %q for the proxy user", got)
	}
}

func TestLoginRemembersTheNetworkFlagsInTheProfile(t *testing.T) {
	c := newCLI(t)
	caFile := proxytest.NewCA(t, "Corp Root").WriteFile(t, t.TempDir())
	c.mustLogin("prod", "--proxy", "direct", "--ca-file", caFile)
	raw, err := os.ReadFile(filepath.Join(c.dir, "prod.json"))
	if err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Network map[string]string `json:"network"`
	}
	if err := json.Unmarshal(raw, &saved); err != nil || saved.Network["proxy"] != "direct" || saved.Network["ca_file"] != caFile {
		t.Fatalf("profile network = %v (%v)", saved.Network, err)
	}
	// verify and doctor take them from the profile; a flag overrides one.
	if code, out, _ := c.run("", "doctor", "--profile", "prod"); code != exitOK || !strings.Contains(out, "is on this computer") {
		t.Errorf("doctor --profile exit %d:\n%s", code, out)
	}
	if code, _, errOut := c.run("", "verify", "--profile", "prod", "--ca-file", filepath.Join(t.TempDir(), "missing.pem")); code != exitFail || !strings.Contains(errOut, "cannot be read") {
		t.Errorf("verify with a missing --ca-file: exit %d, %q", code, errOut)
	}
	if code, _, errOut := c.run("", "verify", "--profile", "prod"); code != exitOK {
		t.Errorf("verify exit %d: %s", code, errOut)
	}
	// The CA file is gone: delete says so, and --no-revoke still deletes.
	if err := os.Remove(caFile); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := c.run("", "delete", "--profile", "prod"); code != exitFail || !strings.Contains(errOut, "cannot be read") {
		t.Errorf("delete with the CA file gone: exit %d, %q", code, errOut)
	}
	if code, _, errOut := c.run("", "delete", "--profile", "prod", "--no-revoke"); code != exitOK {
		t.Errorf("delete --no-revoke: exit %d, %q", code, errOut)
	}
}
