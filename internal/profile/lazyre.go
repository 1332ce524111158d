package profile

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use rather than at
// package init: every start of sfconnect-cli, even `--version`, runs the
// package inits, while only the commands that validate a profile need these.
type lazyRE struct {
	once sync.Once
	expr string
	re   *regexp.Regexp
}

func lazyRegexp(expr string) *lazyRE { return &lazyRE{expr: expr} }

// MatchString reports whether s matches, compiling the expression once.
func (l *lazyRE) MatchString(s string) bool {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re.MatchString(s)
}
