package profile

import (
	"fmt"
	"strings"
)

// FieldError is one invalid field. Field is the JSON name of the field
// ("namespace"); Key is a translation key whose text names the field and
// says what is expected; Args fills the text's template.
type FieldError struct {
	Field string
	Key   string
	Args  map[string]any
}

func (e *FieldError) Error() string { return "invalid " + e.Field + " (" + e.Key + ")" }

// MessageKey returns the translation key.
func (e *FieldError) MessageKey() string { return e.Key }

// MessageArgs returns the template data (never a secret).
func (e *FieldError) MessageArgs() map[string]any { return e.Args }

// ValidationErrors lists every invalid field of a profile, in field order.
// As an error it is shown as its first entry.
type ValidationErrors []*FieldError

func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return "profile: " + strings.Join(parts, "; ")
}

// MessageKey returns the first error's key.
func (v ValidationErrors) MessageKey() string {
	if len(v) == 0 {
		return "profile.err.invalid"
	}
	return v[0].Key
}

// MessageArgs returns the first error's args.
func (v ValidationErrors) MessageArgs() map[string]any {
	if len(v) == 0 {
		return nil
	}
	return v[0].Args
}

// Fields returns all field errors, e.g. to mark every invalid input.
func (v ValidationErrors) Fields() []*FieldError { return v }

// Field returns the first error for the named field, or nil.
func (v ValidationErrors) Field(name string) *FieldError {
	for _, e := range v {
		if e.Field == name {
			return e
		}
	}
	return nil
}

// Unwrap exposes the entries to errors.As.
func (v ValidationErrors) Unwrap() []error {
	out := make([]error, len(v))
	for i, e := range v {
		out[i] = e
	}
	return out
}

// keyedError is a sentinel error that carries a translation key.
type keyedError struct{ msg, key string }

func (e *keyedError) Error() string               { return e.msg }
func (e *keyedError) MessageKey() string          { return e.key }
func (e *keyedError) MessageArgs() map[string]any { return nil }

// ErrNotFound is matched (errors.Is) by every *NotFoundError.
var ErrNotFound error = &keyedError{"profile not found", "profile.err.not_found"}

// NotFoundError reports that no profile with Name exists.
type NotFoundError struct{ Name string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("profile %q not found", e.Name) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// MessageKey returns the translation key.
func (e *NotFoundError) MessageKey() string { return "profile.err.not_found" }

// MessageArgs returns the profile name.
func (e *NotFoundError) MessageArgs() map[string]any { return map[string]any{"Name": e.Name} }

// ConflictError reports a Save whose name differs only in case from an
// existing profile's (the names share a file on Windows and macOS, and a
// Windows Credential Manager entry).
type ConflictError struct{ Name, Existing string }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("profile %q conflicts with existing profile %q (names are compared ignoring case)", e.Name, e.Existing)
}

// MessageKey returns the translation key.
func (e *ConflictError) MessageKey() string { return "profile.err.conflict" }

// MessageArgs returns both names.
func (e *ConflictError) MessageArgs() map[string]any {
	return map[string]any{"Name": e.Name, "Existing": e.Existing}
}

// StoreError reports a file-system failure of the profile store.
type StoreError struct {
	Op   string // "save", "load", "list", "delete"
	Path string
	Err  error
}

func (e *StoreError) Error() string { return fmt.Sprintf("profile %s %s: %v", e.Op, e.Path, e.Err) }

// Unwrap returns the file-system error.
func (e *StoreError) Unwrap() error { return e.Err }

// MessageKey returns the translation key.
func (e *StoreError) MessageKey() string {
	if e.Op == "load" {
		return "profile.err.store_read"
	}
	return "profile.err.store_write"
}

// MessageArgs returns the path.
func (e *StoreError) MessageArgs() map[string]any { return map[string]any{"Path": e.Path} }

// ImportError reports why a file could not be imported. It never quotes
// the file's content.
type ImportError struct {
	Key  string
	Args map[string]any
	Err  error // underlying decoder error, if any
}

func (e *ImportError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("import profile: %s %v: %v", e.Key, e.Args, e.Err)
	}
	return fmt.Sprintf("import profile: %s %v", e.Key, e.Args)
}

// Unwrap returns the decoder error.
func (e *ImportError) Unwrap() error { return e.Err }

// MessageKey returns the translation key.
func (e *ImportError) MessageKey() string { return e.Key }

// MessageArgs returns the template data.
func (e *ImportError) MessageArgs() map[string]any { return e.Args }
