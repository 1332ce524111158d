package i18n

import (
	"context"
	"errors"
)

// Messager is implemented by errors that carry a translatable message. The
// packages that define such errors satisfy it without importing i18n.
type Messager interface {
	MessageKey() string
	MessageArgs() map[string]any
}

// Localizer renders keys and errors in one language.
type Localizer struct {
	lang string
}

// New returns a Localizer for lang ("ja" or "en"; anything else is English).
// It parses nothing: the language's files are read at the first T.
func New(lang string) *Localizer {
	return &Localizer{lang: Match(lang)}
}

// Lang reports the Localizer's language.
func (l *Localizer) Lang() string { return l.lang }

// T returns the text for key with the optional template data args. A key
// without a translation is returned as is, so a gap is visible, not hidden.
func (l *Localizer) T(key string, args ...map[string]any) string {
	var data map[string]any
	if len(args) > 0 {
		data = safeArgs(args[0])
	}
	if s := localize(l.lang, key, data); s != "" {
		return s
	}
	if l.lang != English { // a key missing in Japanese falls back to English
		if s := localize(English, key, data); s != "" {
			return s
		}
	}
	return key
}

// Error turns err into a message for a user. Errors that carry a key are
// translated; cancel and timeout have their own text; anything else gets a
// generic message, because a raw Go error string is no help to an admin.
func (l *Localizer) Error(err error) string {
	if err == nil {
		return ""
	}
	var m Messager
	if errors.As(err, &m) {
		return l.T(m.MessageKey(), m.MessageArgs())
	}
	switch {
	case errors.Is(err, context.Canceled):
		return l.T("error.canceled")
	case errors.Is(err, context.DeadlineExceeded):
		return l.T("error.timeout")
	}
	return l.T("error.unexpected")
}
