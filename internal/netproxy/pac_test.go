package netproxy

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/netproxy/proxytest"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

func TestPACResultsAreRead(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"DIRECT", "", false},
		{"", "", false},
		{"PROXY p.corp:8080", "http://p.corp:8080", false},
		{"  proxy p.corp:8080 ; DIRECT", "http://p.corp:8080", false},
		{"HTTPS secure.corp:443", "https://secure.corp:443", false},
		{"SOCKS5 s.corp:1080", "socks5://s.corp:1080", false},
		{"SOCKS s4.corp:1080; PROXY p.corp:80", "http://p.corp:80", false},
		{"SOCKS s4.corp:1080", "", true},
		{"PROXY", "", true},
		{"banana", "", true},
	}
	for _, tt := range tests {
		u, err := parsePACResult(tt.in)
		got := ""
		if u != nil {
			got = u.String()
		}
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("parsePACResult(%q) = %q, %v", tt.in, got, err)
		}
	}
}

// FuzzParsePACResult: FindProxyForURL's answer comes from a script the
// network serves. Whatever it says, parsePACResult never panics, and a proxy
// it returns is one Go can dial: a host, over http, https or SOCKS5; no
// proxy and no error only for an empty answer or a DIRECT.
func FuzzParsePACResult(f *testing.F) {
	for _, seed := range []string{
		"DIRECT", "", "PROXY p.corp:8080", "  proxy p.corp:8080 ; DIRECT", "HTTPS secure.corp:443",
		"SOCKS5 s.corp:1080", "SOCKS s4.corp:1080; PROXY p.corp:80", "SOCKS s4.corp:1080", "PROXY", "banana",
		"PROXY [::1]:3128", "PROXY user:pw@p.corp:8080", "PROXY http://p.corp:8080", "PROXY p.corp:8080/path",
		"PROXY a:1 b", ";;;", "direct; PROXY p:1", "PROXY \x1b[2J:1", "HTTP p:%zz", "SOCKS5 :1080",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, result string) {
		u, err := parsePACResult(result)
		switch {
		case err != nil:
			if u != nil {
				t.Errorf("parsePACResult(%q) = %v and error %v", result, u, err)
			}
		case u == nil:
			if strings.TrimSpace(result) != "" && !strings.Contains(strings.ToUpper(result), "DIRECT") {
				t.Errorf("parsePACResult(%q) = DIRECT without a DIRECT in the answer", result)
			}
		case u.Hostname() == "" || !map[string]bool{"http": true, "https": true, "socks5": true}[u.Scheme]:
			t.Errorf("parsePACResult(%q) = %q: not a proxy Go can use", result, u)
		}
	})
}

// writePACFile writes script to a new file that is removed when the test
// ends. Not in t.TempDir: these tests also run under Wine 8
// (scripts/wine-test.sh), where Go's RemoveAll fails ("unlinkat: Invalid
// function") while a plain remove works.
func writePACFile(t *testing.T, script string) string {
	t.Helper()
	f, err := os.CreateTemp("", "sfconnect-*.pac")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Remove(f.Name()) })
	_, err = f.WriteString(script)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// fileURL is the file URL of path on this system: file:///C:/x.pac on
// Windows, file:///tmp/x.pac elsewhere.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(filepath.ToSlash(path), "/")}).String()
}

// Both paths, goja's and WinHTTP's, run a PAC file from a URL or a file and
// fail with the same reasons.
func TestAPACFileRunsFromHTTPOrAFileAndItsFailuresAreTyped(t *testing.T) {
	pac := proxytest.ServePAC(t, `function FindProxyForURL(u, h) {
		return shExpMatch(h, "*.salesforce.com") ? "PROXY p:1" : "DIRECT"; }`)
	target, _ := url.Parse(sfURL)
	n, _ := New(Settings{PAC: pac.URL}, "", Options{Getenv: env(nil)})
	if c, err := n.Choose(context.Background(), target); err != nil || c.Display() != "p:1" || c.PACResult != "PROXY p:1" {
		t.Fatalf("Choose = %+v, %v", c, err)
	}
	if pac.Hits() != 1 {
		t.Errorf("PAC fetched %d times, want once", pac.Hits())
	}

	file := writePACFile(t, `function FindProxyForURL(u, h) { return "PROXY filep:2"; }`)
	n, _ = New(Settings{PAC: fileURL(file)}, "", Options{Getenv: env(nil)})
	if c, err := n.Choose(context.Background(), target); err != nil || c.Display() != "filep:2" {
		t.Errorf("file PAC: %+v, %v", c, err)
	}

	for name, tt := range map[string]struct{ url, reason string }{
		"404":         {pac.URL + "/missing", PACReasonFetch},
		"no server":   {testkit.ClosedURL(t) + "/proxy.pac", PACReasonFetch},
		"no file":     {fileURL(file + ".missing"), PACReasonFetch},
		"bad JS":      {proxytest.ServePAC(t, "function (").URL, PACReasonScript},
		"no function": {proxytest.ServePAC(t, "var x = 1;").URL, PACReasonScript},
		"throws":      {proxytest.ServePAC(t, `function FindProxyForURL(u, h) { return undefinedThing.x; }`).URL, PACReasonScript},
	} {
		n, _ := New(Settings{PAC: tt.url}, "", Options{Getenv: env(nil)})
		_, err := n.Choose(context.Background(), target)
		var pe *PACError
		if !errors.As(err, &pe) || pe.Reason != tt.reason || pe.URL != tt.url {
			t.Errorf("%s: err = %v, want PACError %s", name, err, tt.reason)
		}
	}
}
