package safetext

import (
	"fmt"
	"log/slog"
)

// ReplaceAttr is a slog.HandlerOptions.ReplaceAttr that escapes, with Line,
// the message and every string, error or other value whose text holds a
// character Line escapes. slog's TextHandler quotes such values already,
// but its JSONHandler passes bidi overrides and C1 controls through, and a
// log must stay safe whichever handler writes it.
func ReplaceAttr(_ []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindString:
		if s := a.Value.String(); !Safe(s) {
			a.Value = slog.StringValue(Line(s))
		}
	case slog.KindAny:
		var s string
		if err, ok := a.Value.Any().(error); ok {
			s = err.Error()
		} else {
			s = fmt.Sprint(a.Value.Any())
		}
		if !Safe(s) {
			a.Value = slog.StringValue(Line(s))
		}
	}
	return a
}
