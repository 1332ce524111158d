package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/sfconnect/sfconnect/internal/secrets"
)

const cliPass = "hikitsugi-no-aikotoba"

// elsewhere is the same org seen from another machine: an empty config dir
// and keychain.
func (c *cli) elsewhere(t *testing.T) *cli {
	other := *c
	other.store, other.dir, other.tweak = secrets.NewMemory(), t.TempDir(), nil
	return &other
}

func (c *cli) assertNothingImported(t *testing.T) {
	t.Helper()
	if entries, _ := os.ReadDir(c.dir); len(entries) > 0 {
		t.Errorf("config dir holds %s", entries[0].Name())
	}
	if acc := c.store.(*secrets.Memory).Accounts(); len(acc) > 0 {
		t.Errorf("keychain holds %v", acc)
	}
}

// terminal makes the next runs see a terminal that types answers in order.
func (c *cli) terminal(answers ...string) {
	c.tweak = func(e *env) {
		e.isTerminal = func() bool { return true }
		e.readSecret = func() (string, error) {
			a := answers[0]
			answers = answers[1:]
			return a, nil
		}
	}
}

func TestEncryptedExportImportsElsewhereWithThePassphraseOnly(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	issued := c.sim.IssuedRefreshTokens()[0]
	file := filepath.Join(t.TempDir(), "prod.sfconnect.age")
	code, out, errOut := c.run(cliPass+"\n", "export", "--profile", "prod", "--include-secrets", "--passphrase-stdin", "-o", file)
	if code != exitOK || !strings.Contains(out, "prod.sfconnect-handover.txt") || !strings.Contains(errOut, "apart from the file") {
		t.Fatalf("export exit %d:\n%s\n%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(file); !bytes.HasPrefix(b, []byte("-----BEGIN AGE ENCRYPTED FILE-----")) || bytes.Contains(b, []byte(issued)) {
		t.Fatalf("not sealed:\n%s", b)
	}

	there := c.elsewhere(t)
	refused := []struct {
		name, stdin string
		args        []string
		code        int
		want        string
	}{
		{"no passphrase", "", []string{"import", file}, exitFail, "protected with a passphrase"},
		{"wrong passphrase", "not-the-passphrase\n", []string{"import", "--passphrase-stdin", file}, exitFail, "does not open"},
		{"empty passphrase line", "\n", []string{"import", "--passphrase-stdin", file}, exitUsage, "first line of stdin is empty"},
		{"file and passphrase on stdin", cliPass + "\n", []string{"import", "--passphrase-stdin", "-"}, exitUsage, "give the file's path"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := there.run(tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr lacks %q:\n%s", code, tt.want, errOut)
			}
			there.assertNothingImported(t)
		})
	}
	code, out, errOut = there.run(cliPass+"\n", "import", "--passphrase-stdin", file)
	if code != exitOK || !strings.Contains(out, `"prod"`) {
		t.Fatalf("import exit %d:\n%s", code, errOut)
	}
	if got, _ := there.store.Get(context.Background(), secrets.Account("prod", secrets.RefreshToken)); got != issued {
		t.Error("the imported refresh token is not the issued one")
	}
}

// On a terminal the passphrase is asked twice without echo; a mismatch or a
// short one writes nothing.
func TestEncryptAsksTwiceOnATerminal(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	dir := t.TempDir()
	file := filepath.Join(dir, "p.age")
	c.terminal(cliPass, cliPass+"x")
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "--encrypt", "-o", file); code != exitFail ||
		!strings.Contains(errOut, "differ") {
		t.Errorf("mismatch: exit %d\n%s", code, errOut)
	}
	c.terminal("short")
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "--encrypt", "-o", file); code != exitFail ||
		!strings.Contains(errOut, "too short") {
		t.Errorf("short: exit %d\n%s", code, errOut)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Fatalf("wrote %s", left[0].Name())
	}
	c.tweak = nil
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--encrypt", "-o", file); code != exitUsage ||
		!strings.Contains(errOut, "--passphrase-stdin") {
		t.Errorf("no terminal: exit %d\n%s", code, errOut)
	}
	c.terminal(cliPass, cliPass)
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "--encrypt", "-o", file); code != exitOK {
		t.Fatalf("export exit %d\n%s", code, errOut)
	}
	there := c.elsewhere(t)
	there.terminal(cliPass)
	if code, _, errOut := there.run("", "import", file); code != exitOK {
		t.Errorf("import with the prompted passphrase: exit %d\n%s", code, errOut)
	}
}

func TestRecipientExportOpensWithTheIdentityFile(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	id, _ := age.GenerateX25519Identity()
	keyFile := filepath.Join(t.TempDir(), "key.txt")
	if err := os.WriteFile(keyFile, []byte("# created by the test\n"+id.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, sealed, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "--recipient", id.Recipient().String())
	if code != exitOK || !strings.HasPrefix(sealed, "-----BEGIN AGE ENCRYPTED FILE-----") {
		t.Fatalf("export exit %d:\n%s", code, errOut)
	}
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--recipient", "ssh-ed25519 AAAA"); code != exitFail ||
		!strings.Contains(errOut, "Recipient 1 is not an age public key") {
		t.Errorf("bad recipient: exit %d\n%s", code, errOut)
	}
	there := c.elsewhere(t)
	if code, _, errOut := there.run(sealed, "import", "-"); code != exitFail || !strings.Contains(errOut, "--identity") {
		t.Errorf("without identity: exit %d\n%s", code, errOut)
	}
	there.assertNothingImported(t)
	code, out, errOut := there.run(sealed, "import", "--identity", keyFile, "--profile", "copy", "-")
	if code != exitOK || !strings.Contains(out, `"copy"`) {
		t.Fatalf("import exit %d:\n%s", code, errOut)
	}
}

// A passphrase never comes from a flag (shell history, the process list)
// or a variable (inherited by children): a flag is refused without echoing
// it, and a variable of the obvious names is not read, by export or import.
func TestNoPassphraseFlagOrVariable(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	dir := t.TempDir()
	file := filepath.Join(dir, "p.age")
	for _, flag := range []string{"--passphrase=" + cliPass, "--passphrase", "-passphrase"} {
		code, _, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "--encrypt", flag, cliPass, "-o", file)
		if code != exitUsage || strings.Contains(errOut, cliPass) {
			t.Errorf("%s: exit %d\n%s", flag, code, errOut)
		}
	}
	for _, name := range []string{"SFCONNECT_PASSPHRASE", "SFCONNECT_EXPORT_PASSPHRASE", "AGE_PASSPHRASE"} {
		c.vars[name] = cliPass
	}
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "--encrypt", "-o", file); code != exitUsage ||
		!strings.Contains(errOut, "--passphrase-stdin") {
		t.Errorf("export with the variables set: exit %d\n%s", code, errOut)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Fatalf("wrote %s", left[0].Name())
	}
	if code, _, errOut := c.run(cliPass+"\n", "export", "--profile", "prod", "--include-secrets", "--passphrase-stdin", "-o", file); code != exitOK {
		t.Fatalf("export exit %d\n%s", code, errOut)
	}
	there := c.elsewhere(t)
	if code, _, errOut := there.run("", "import", file); code != exitFail || !strings.Contains(errOut, "protected with a passphrase") {
		t.Errorf("import with the variables set: exit %d\n%s", code, errOut)
	}
	there.assertNothingImported(t)
}
