// Package docs holds the project's documents; its tests keep
// ARCHITECTURE.md true to the code.
package docs

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readDoc(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(doc)
}

// Every exported name ARCHITECTURE.md lists in its code blocks exists in
// the package it is listed under, and every function or method listed
// takes as many parameters as listed: a renamed or removed function,
// method, field, type, variable or constant, or a changed parameter list,
// fails here until the document follows.
func TestArchitectureNamesExist(t *testing.T) {
	names := listedNames(t, readDoc(t))
	if len(names) < 150 {
		t.Fatalf("read only %d names from ARCHITECTURE.md; is the reader broken?", len(names))
	}
	pkgs := map[string]declared{}
	for _, n := range names {
		d, ok := pkgs[n.pkg]
		if !ok {
			d = declaredIn(t, filepath.Join("..", filepath.FromSlash(n.pkg)))
			pkgs[n.pkg] = d
		}
		switch {
		case n.owner == "" && !d.top[n.name]:
			t.Errorf("ARCHITECTURE.md:%d: %s has no %s", n.line, n.pkg, n.name)
		case n.owner != "" && !d.members[n.owner][n.name]:
			t.Errorf("ARCHITECTURE.md:%d: %s.%s has no %s", n.line, n.pkg, n.owner, n.name)
		case n.args >= 0:
			key := n.name
			if n.owner != "" {
				key = n.owner + "." + n.name
			}
			if got, ok := d.args[key]; ok && got != n.args {
				t.Errorf("ARCHITECTURE.md:%d: %s %s takes %d parameters, the document lists %d", n.line, n.pkg, key, got, n.args)
			}
		}
	}
}

// The reader finds every form the document uses.
func TestListedNamesReadsEachForm(t *testing.T) {
	doc := "## internal/x (words)\n```go\n" + `type T struct{ A, B string; C bool } // not D
type S struct {
    E, F string // G
    H    func() error
}
type I interface{ Get(ctx) error; Set(ctx) error }
func New(d Deps) *Service; func Other() error
func (s *Store) Save(p Profile) error; Load(name) (Profile, error)
var ErrA, ErrB
const One = "1"; Two = "2"
// internal/y
func unexported(); func Y()
` + "```\nfunc NotCode()\n"
	var got []string
	args := map[string]int{}
	for _, n := range listedNames(t, doc) {
		got = append(got, n.pkg+":"+n.owner+"."+n.name)
		args[n.owner+"."+n.name] = n.args
	}
	for name, want := range map[string]int{".New": 1, ".Other": 0, "Store.Save": 1, "Store.Load": 1, ".T": -1, "I.Get": 1} {
		if args[name] != want {
			t.Errorf("%s: %d parameters read, want %d", name, args[name], want)
		}
	}
	want := "internal/x:.T internal/x:T.A internal/x:T.B internal/x:T.C internal/x:.S internal/x:S.E " +
		"internal/x:S.F internal/x:S.H internal/x:.I internal/x:I.Get internal/x:I.Set internal/x:.New " +
		"internal/x:.Other internal/x:Store.Save internal/x:Store.Load internal/x:.ErrA internal/x:.ErrB " +
		"internal/x:.One internal/x:.Two internal/y:.Y"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("read\n%s\nwant\n%s", g, want)
	}
}

// The imports block lists exactly the imports between sfconnect's own
// packages: a new import, a dropped one or a new package fails here.
func TestArchitectureImportsAreTheCode(t *testing.T) {
	listed, actual := listedImports(readDoc(t)), importsOf(t)
	if len(listed) < 10 {
		t.Fatalf("read only %d packages from the imports block", len(listed))
	}
	for pkg, deps := range actual {
		got, ok := listed[pkg]
		switch {
		case !ok:
			t.Errorf("%s (imports %v) is missing from the imports block", pkg, deps)
		case !slices.Equal(slices.Sorted(slices.Values(got)), deps):
			t.Errorf("%s imports %s; the document says %s", pkg, strings.Join(deps, " "), strings.Join(got, " "))
		}
	}
	for pkg := range listed {
		if _, ok := actual[pkg]; !ok {
			t.Errorf("the imports block lists %s, which has no Go files", pkg)
		}
	}
}
