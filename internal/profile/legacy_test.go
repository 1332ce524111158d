package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files written by sfconnect 0.1 (export format 1, profiles with
// "environment") name a sandbox "acme--uat". They keep working and come back
// with the namespace the console needs: "acme--uat.sandbox".
func TestEarlierVersionsSandboxNamespaceIsUpgraded(t *testing.T) {
	const want = "acme--uat.sandbox"
	t.Run("export file version 1", func(t *testing.T) {
		p, s, err := Import(strings.NewReader(golden(t, "v1_sandbox_export.json")))
		if err != nil {
			t.Fatal(err)
		}
		if p.Namespace != want || p.Kind != "sandbox" || s == nil || s.RefreshToken == "" {
			t.Errorf("imported namespace %q kind %q secrets %v", p.Namespace, p.Kind, s != nil)
		}
	})
	t.Run("stored profile", func(t *testing.T) {
		dir := t.TempDir()
		data, err := os.ReadFile(filepath.Join("testdata", "v1_sandbox_profile.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fileName("acme-uat")), data, 0o600); err != nil {
			t.Fatal(err)
		}
		s := &Store{Dir: dir}
		p, err := s.Load("acme-uat")
		if err != nil {
			t.Fatal(err)
		}
		if p.Namespace != want || p.Kind != "sandbox" || p.Validate() != nil {
			t.Fatalf("loaded namespace %q kind %q, valid: %v", p.Namespace, p.Kind, p.Validate())
		}
		list, err := s.List()
		if err != nil || len(list) != 1 || list[0].Namespace != want {
			t.Fatalf("List = %+v, %v", list, err)
		}
		// Saving writes the current form; it loads the same.
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(filepath.Join(dir, fileName("acme-uat")))
		if !strings.Contains(string(raw), `"kind": "sandbox"`) || strings.Contains(string(raw), `"environment"`) {
			t.Errorf("saved file is not in the current form:\n%s", raw)
		}
		if again, err := s.Load("acme-uat"); err != nil || again.Namespace != want {
			t.Errorf("reload = %+v, %v", again, err)
		}
	})
}
