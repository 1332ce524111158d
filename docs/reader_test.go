package docs

import (
	"regexp"
	"strings"
	"testing"
)

// A name the document lists, and where.
type docName struct {
	pkg   string // "internal/app"
	owner string // the type of a method or field; "" for a top-level name
	name  string
	line  int
	args  int // for a function or method: how many parameters; -1 otherwise
}

var (
	pkgRef     = regexp.MustCompile(`\binternal/[a-z0-9]+(?:/[a-z0-9]+)?\b`)
	funcDecl   = regexp.MustCompile(`^func\s+(?:\(\s*\w+\s+\*?(\w+)\s*\)\s*)?(\w+)\s*\(`)
	typeDecl   = regexp.MustCompile(`^type\s+(\w+)\b(.*)$`)
	listDecl   = regexp.MustCompile(`^(?:var|const)\s+(.*)$`)
	methodCont = regexp.MustCompile(`^(\w+)\s*\(`)
	constCont  = regexp.MustCompile(`^(\w+)\s*=`)
	fieldLine  = regexp.MustCompile(`^((?:\w+\s*,\s*)*\w+)\s+\S`)
	exported   = regexp.MustCompile(`^[A-Z]`)
)

// listedNames reads the go code blocks of the document. A block belongs to
// the package its section's heading names (## internal/app ...); a line
// "// internal/x" alone switches it.
func listedNames(t *testing.T, doc string) []docName {
	t.Helper()
	var out []docName
	pkg, inCode := "", false
	owner, ownerKind := "", "" // the struct or interface being listed, across lines
	add := func(o, n string, line int) {
		if pkg != "" && exported.MatchString(n) {
			out = append(out, docName{pkg, o, n, line, -1})
		}
	}
	// addFunc adds a function or method; call is the text from its name on.
	addFunc := func(o, n, call string, line int) {
		add(o, n, line)
		if len(out) > 0 && out[len(out)-1].name == n && out[len(out)-1].line == line {
			out[len(out)-1].args = countArgs(call)
		}
	}
	for i, line := range strings.Split(doc, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "## "):
			pkg = pkgRef.FindString(line)
			continue
		case strings.HasPrefix(trimmed, "```go"):
			inCode = true
			continue
		case strings.HasPrefix(trimmed, "```"):
			inCode, owner = false, ""
			continue
		case !inCode:
			continue
		case strings.HasPrefix(trimmed, "//"):
			if p := pkgRef.FindString(trimmed); p != "" && p == strings.TrimSpace(strings.TrimPrefix(trimmed, "//")) {
				pkg = p
			}
			continue
		}
		code, _, _ := strings.Cut(line, "//")
		code = strings.TrimSpace(code)
		if owner != "" { // inside a multi-line struct or interface
			if strings.HasPrefix(code, "}") {
				owner = ""
				continue
			}
			for _, part := range strings.Split(code, ";") {
				part = strings.TrimSpace(part)
				if ownerKind == "interface" {
					if m := methodCont.FindStringSubmatch(part); m != nil {
						addFunc(owner, m[1], part[len(m[1]):], i+1)
					}
				} else if m := fieldLine.FindStringSubmatch(part); m != nil {
					for _, f := range strings.Split(m[1], ",") {
						add(owner, strings.TrimSpace(f), i+1)
					}
				}
			}
			continue
		}
		stmts := strings.Split(code, ";")
		if strings.HasPrefix(code, "type ") {
			stmts = []string{code} // a one-line struct's fields are split below
		}
		recv, kind := "", ""
		for _, stmt := range stmts {
			stmt = strings.TrimSpace(stmt)
			if m := funcDecl.FindStringSubmatchIndex(stmt); m != nil {
				recv, kind = "", "func"
				if m[2] >= 0 {
					recv = stmt[m[2]:m[3]]
				}
				addFunc(recv, stmt[m[4]:m[5]], stmt[m[5]:], i+1)
				continue
			}
			if m := typeDecl.FindStringSubmatch(stmt); m != nil {
				add("", m[1], i+1)
				rest := strings.TrimSpace(m[2])
				for _, k := range []string{"struct", "interface"} {
					if body, ok := strings.CutPrefix(rest, k); ok {
						body = strings.TrimSpace(body)
						if body == "{" {
							owner, ownerKind = m[1], k
						} else if inner, ok := strings.CutPrefix(body, "{"); ok {
							inner, _, _ = strings.Cut(inner, "}")
							kind = "type-" + k
							recv = m[1]
							for _, part := range strings.Split(inner, ";") {
								part = strings.TrimSpace(part)
								if k == "interface" {
									if mm := methodCont.FindStringSubmatch(part); mm != nil {
										addFunc(m[1], mm[1], part[len(mm[1]):], i+1)
									}
								} else if mm := fieldLine.FindStringSubmatch(part); mm != nil {
									for _, f := range strings.Split(mm[1], ",") {
										add(m[1], strings.TrimSpace(f), i+1)
									}
								}
							}
						}
					}
				}
				break
			}
			if m := listDecl.FindStringSubmatch(stmt); m != nil {
				kind = "list"
				for _, n := range strings.Split(m[1], ",") {
					n, _, _ = strings.Cut(strings.TrimSpace(n), " ")
					n, _, _ = strings.Cut(n, "=")
					add("", strings.TrimSpace(n), i+1)
				}
				continue
			}
			switch kind { // a statement continuing the line's first declaration
			case "func":
				if m := methodCont.FindStringSubmatch(stmt); m != nil && recv != "" {
					addFunc(recv, m[1], stmt[len(m[1]):], i+1)
				}
			case "list":
				if m := constCont.FindStringSubmatch(stmt); m != nil {
					add("", m[1], i+1)
				}
			}
		}
	}
	return out
}

// countArgs counts the parameters in the parenthesised list that call
// starts with: "(ctx, name string, p Progress) error" has 3.
func countArgs(call string) int {
	call = strings.TrimSpace(call)
	if !strings.HasPrefix(call, "(") {
		return -1
	}
	depth, n, empty := 0, 1, true
	for _, r := range call {
		switch r {
		case '(', '[', '{':
			depth++
			if depth == 1 {
				continue
			}
		case ')', ']', '}':
			depth--
			if depth == 0 {
				if empty {
					return 0
				}
				return n
			}
		case ',':
			if depth == 1 {
				n++
			}
		}
		if depth >= 1 && r != ' ' {
			empty = false
		}
	}
	return -1
}

// listedImports reads the document's imports block: "pkg -> dep dep ...",
// one line per package.
func listedImports(doc string) map[string][]string {
	_, block, _ := strings.Cut(doc, "```imports\n")
	block, _, _ = strings.Cut(block, "```")
	out := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		pkg, deps, ok := strings.Cut(line, "->")
		if ok {
			out[strings.TrimSpace(pkg)] = strings.Fields(deps)
		}
	}
	return out
}
