// Package i18n looks up the user-visible text of sfconnect in Japanese or
// English. The CLI and the GUI share it, so the language can be chosen in the
// app's settings (Fyne's own lang package always follows the OS locale).
package i18n

import (
	"sort"
	"strings"
)

// Supported languages, Japanese first: it is our users' first language.
const (
	Japanese = "ja"
	English  = "en"
)

// Languages lists the languages the translation files cover.
var Languages = []string{Japanese, English}

// Keys returns the sorted translation keys defined for lang.
func Keys(lang string) []string {
	texts, err := allTexts(lang)
	if err != nil {
		return nil
	}
	keys := make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Match maps a locale such as "ja_JP.UTF-8", "ja-JP" or "en_US" to a
// supported language; anything that is not Japanese is English.
func Match(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if l == "ja" || strings.HasPrefix(l, "ja_") || strings.HasPrefix(l, "ja-") || strings.HasPrefix(l, "ja.") {
		return Japanese
	}
	return English
}

// FromEnv picks the language from the POSIX locale variables, in the order
// the C library reads them (LC_ALL, LC_MESSAGES, LANG), given a getenv.
func FromEnv(getenv func(string) string) string {
	for _, v := range []string{"SFCONNECT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" && s != "C" && s != "POSIX" {
			return Match(s)
		}
	}
	return English
}
