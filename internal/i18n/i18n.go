// Package i18n looks up the user-visible text of sfconnect in Japanese or
// English. The CLI and the GUI share it, so the language can be chosen in the
// app's settings (Fyne's own lang package always follows the OS locale).
package i18n

import (
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"
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

// matcher chooses among the supported languages, English first so that a
// language it cannot match falls back to English. Built at first use: the
// CLI's start pays nothing for it until it needs a text.
var matcher = sync.OnceValue(func() language.Matcher {
	return language.NewMatcher([]language.Tag{language.English, language.Japanese})
})

// Match maps a locale to a supported language: a POSIX locale
// ("ja_JP.UTF-8", "en_US"), a BCP 47 tag ("ja-JP", as Windows and macOS
// name it) or a bare language ("ja"), in any case. golang.org/x/text's
// matcher reads it; anything that is not Japanese is English.
func Match(locale string) string {
	l := strings.TrimSpace(locale)
	if i := strings.IndexAny(l, ".@"); i >= 0 { // POSIX codeset and modifier
		l = l[:i]
	}
	tag, err := language.Parse(strings.ReplaceAll(l, "_", "-"))
	if err != nil {
		return English
	}
	if _, i, conf := matcher().Match(tag); conf != language.No && i == 1 {
		return Japanese
	}
	return English
}

// SystemLanguage picks the language the user's system asks for: the first
// of SFCONNECT_LANG, LC_ALL, LC_MESSAGES and LANG that is set (the last
// three in the order the C library reads them; "C" and "POSIX" name no
// language), then osLocale, the system's setting where those variables are
// usually unset (Windows, macOS); else English. getenv is os.Getenv outside
// tests; osLocale may be nil (the CLI, which must not link the GUI's
// locale reader).
func SystemLanguage(getenv func(string) string, osLocale func() string) string {
	for _, v := range []string{"SFCONNECT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" && s != "C" && s != "POSIX" {
			return Match(s)
		}
	}
	if osLocale != nil {
		return Match(osLocale())
	}
	return English
}
