package i18n

import (
	"fmt"
	"reflect"

	"github.com/sfconnect/sfconnect/internal/safetext"
)

// safeArgs returns the template data with every text value escaped by
// safetext.Line. Template values come from profile files, Salesforce
// answers and the command line; every message the CLI, the GUI and the
// browser page show goes through T, so this is the one place where such a
// value could carry an ESC sequence, a CR or a bidi override into a
// terminal or a window. Numbers and other values pass unchanged.
func safeArgs(args map[string]any) map[string]any {
	if len(args) == 0 {
		return args
	}
	out := make(map[string]any, len(args))
	for k, v := range args {
		out[k] = safeValue(v)
	}
	return out
}

func safeValue(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return safetext.Line(x)
	case error:
		return safetext.Line(x.Error())
	case fmt.Stringer:
		return safetext.Line(x.String())
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String: // a named string type
		return safetext.Line(rv.String())
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Struct, reflect.Pointer:
		if s := fmt.Sprint(v); !safetext.Safe(s) {
			return safetext.Line(s)
		}
	}
	return v
}
