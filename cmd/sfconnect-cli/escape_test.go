package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// hostile is what a crafted profile file or server answer may carry: an
// ANSI escape, a window-title escape ended by BEL, a carriage return, a
// bidi override and NUL.
const hostile = "x\x1b[2J\x1b]0;owned\x07\rover\u202eevil\x00"

// assertInert fails when out holds a character a terminal would act on
// (line feeds and the table's tabs aside).
func assertInert(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			t.Errorf("%s holds a raw %U:\n%q", what, r, out)
			return
		}
	}
}

// craftedProfile writes the golden export with edit applied and returns
// its path.
func craftedProfile(t *testing.T, edit func(f map[string]any)) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "internal", "profile", "testdata", "export_no_secrets.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	edit(f)
	if b, err = json.Marshal(f); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "crafted.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Values from a profile file reach the terminal escaped, in the messages
// that refuse the file and in what is printed for a file that is accepted.
func TestProfileFileValuesReachTheTerminalEscaped(t *testing.T) {
	section := func(f map[string]any, name string) map[string]any { return f[name].(map[string]any) }
	refused := []struct {
		name string
		edit func(f map[string]any)
		want string // the value as the message shows it
	}{
		{"scope", func(f map[string]any) { section(f, "salesforce")["scopes"] = []string{"api" + hostile} },
			`apix\x1b[2J\x1b]0;owned\x07\rover\u202eevil\x00`},
		{"unknown field", func(f map[string]any) { section(f, "connection")["note"+hostile] = "v" },
			`notex\x1b[2J`},
		{"name", func(f map[string]any) { f["name"] = "acme" + hostile }, "name"},
	}
	for _, tt := range refused {
		t.Run("refused "+tt.name, func(t *testing.T) {
			c := newCLI(t)
			code, out, errOut := c.run("", "import", craftedProfile(t, tt.edit))
			if code != exitFail || !strings.Contains(errOut, tt.want) {
				t.Errorf("import exit %d, stderr %q; want a refusal showing %q", code, errOut, tt.want)
			}
			assertInert(t, "stdout", out)
			assertInert(t, "stderr", errOut)
		})
	}

	t.Run("accepted memo", func(t *testing.T) {
		c := newCLI(t)
		path := craftedProfile(t, func(f map[string]any) {
			section(f, "connection")["memo"] = "line one\r\nrtl\u202eevil\u2066"
		})
		for _, args := range [][]string{{"import", path}, {"list"}, {"export", "--profile", "acme-prod", "-o", "-"}} {
			code, out, errOut := c.run("", args...)
			if code != exitOK {
				t.Fatalf("%v: exit %d: %s", args, code, errOut)
			}
			assertInert(t, strings.Join(args, " ")+" stdout", out)
			assertInert(t, strings.Join(args, " ")+" stderr", errOut)
			if args[0] == "export" && !strings.Contains(out, `rtl\u202eevil\u2066`) {
				t.Errorf("the exported memo lost its escapes:\n%s", out)
			}
		}
	})
}

// Values from the server (a granted scope, the username) and the debug log
// that records the run reach the terminal escaped.
func TestServerValuesReachTheTerminalEscaped(t *testing.T) {
	c := newCLIWith(t, "", func(o *sfsim.Options) {
		o.User.Username = "admin" + hostile + "@x.com"
		o.Clients[0].Scopes = append(o.Clients[0].Scopes, "custom"+hostile)
	})
	code, out, errOut := c.login("hostile")
	if !strings.Contains(errOut, `customx\x1b[2J`) {
		t.Errorf("the crafted scope is not shown escaped (exit %d):\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "level=") {
		t.Fatalf("no debug log captured; the check would prove nothing:\n%s", errOut)
	}
	assertInert(t, "stdout", out)
	assertInert(t, "stderr (messages and debug log)", errOut)
}

// What the admin typed on the command line is echoed escaped too.
func TestCommandLineValuesReachTheTerminalEscaped(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{{"frob" + hostile}, {"list", "--bogus" + hostile}, {"list", "extra" + hostile}} {
		code, out, errOut := c.run("", args...)
		if code != exitUsage || !strings.Contains(errOut, `\x1b[2J`) {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
		assertInert(t, "stdout", out)
		assertInert(t, "stderr", errOut)
	}
}
