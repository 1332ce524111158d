package docs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// declared is what a package declares: top-level names, and the methods
// and fields (or interface methods) of each type.
type declared struct {
	top     map[string]bool
	members map[string]map[string]bool
	args    map[string]int // "Name" or "Type.Name" of a function or method: its parameter count
}

func declaredIn(t *testing.T, dir string) declared {
	t.Helper()
	d := declared{top: map[string]bool{}, members: map[string]map[string]bool{}, args: map[string]int{}}
	params := func(ft *ast.FuncType) int {
		n := 0
		for _, f := range ft.Params.List {
			n += max(1, len(f.Names))
		}
		return n
	}
	member := func(owner, name string) {
		if d.members[owner] == nil {
			d.members[owner] = map[string]bool{}
		}
		d.members[owner][name] = true
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil {
					d.top[decl.Name.Name] = true
					d.args[decl.Name.Name] = params(decl.Type)
					continue
				}
				typ := decl.Recv.List[0].Type
				if star, ok := typ.(*ast.StarExpr); ok {
					typ = star.X
				}
				if idx, ok := typ.(*ast.IndexExpr); ok {
					typ = idx.X
				}
				if id, ok := typ.(*ast.Ident); ok {
					member(id.Name, decl.Name.Name)
					d.args[id.Name+"."+decl.Name.Name] = params(decl.Type)
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							d.top[n.Name] = true
						}
					case *ast.TypeSpec:
						d.top[spec.Name.Name] = true
						switch typ := spec.Type.(type) {
						case *ast.StructType:
							for _, f := range typ.Fields.List {
								for _, n := range f.Names {
									member(spec.Name.Name, n.Name)
								}
								if len(f.Names) == 0 { // embedded: its name is the type's
									e := f.Type
									if star, ok := e.(*ast.StarExpr); ok {
										e = star.X
									}
									switch e := e.(type) {
									case *ast.Ident:
										member(spec.Name.Name, e.Name)
									case *ast.SelectorExpr:
										member(spec.Name.Name, e.Sel.Name)
									}
								}
							}
						case *ast.InterfaceType:
							for _, m := range typ.Methods.List {
								for _, n := range m.Names {
									member(spec.Name.Name, n.Name)
									if ft, ok := m.Type.(*ast.FuncType); ok {
										d.args[spec.Name.Name+"."+n.Name] = params(ft)
									}
								}
							}
						}
					}
				}
			}
		}
	}
	return d
}

const module = "github.com/sfconnect/sfconnect/"

// importsOf lists, for every package under internal/ and ui/, the module's
// own packages its non-test files import, sorted.
func importsOf(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, top := range []string{"internal", "ui"} {
		err := filepath.WalkDir(filepath.Join("..", top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			pkg := filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, ".."+string(filepath.Separator))))
			deps := out[pkg]
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if dep, ok := strings.CutPrefix(p, module); ok && !slices.Contains(deps, dep) {
					deps = append(deps, dep)
				}
			}
			out[pkg] = deps
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, deps := range out {
		slices.Sort(deps)
	}
	return out
}
