// Package i18n looks up the user-visible text of sfconnect in Japanese or
// English. The CLI and the GUI share it, so the language can be chosen in the
// app's settings (Fyne's own lang package always follows the OS locale).
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/sfconnect/sfconnect/assets"
)

// Supported languages, Japanese first: it is our users' first language.
const (
	Japanese = "ja"
	English  = "en"
)

// Languages lists the languages the translation files cover.
var Languages = []string{Japanese, English}

// catalog is one language's texts. It is parsed on first use, not at start:
// `sfconnect-cli --version` parses nothing, and a Japanese session never
// parses the English files (they are only the fallback for a missing key).
type catalog struct {
	once  sync.Once
	texts map[string]string
	loc   *goi18n.Localizer
	err   error
}

// source holds the translation files, root/<lang>/<area>.json; tests swap it.
var (
	source   fs.FS = assets.I18n
	root           = "i18n"
	catalogs       = newCatalogs()
)

func newCatalogs() map[string]*catalog {
	return map[string]*catalog{Japanese: {}, English: {}}
}

// load parses lang's embedded translation files once per process.
func load(lang string) (*catalog, error) {
	lang = Match(lang)
	c := catalogs[lang]
	c.once.Do(func() {
		var b *goi18n.Bundle
		b, c.texts, c.err = parse(source, root, lang)
		if c.err == nil {
			c.loc = goi18n.NewLocalizer(b, lang)
		}
	})
	return c, c.err
}

// parse reads root/<lang>/*.json: flat JSON objects of key to text, each
// decoded once and handed to go-i18n as ready messages.
func parse(fsys fs.FS, root, lang string) (*goi18n.Bundle, map[string]string, error) {
	tag := language.Make(lang)
	dir := path.Join(root, lang)
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read translations for %s: %w", lang, err)
	}
	texts := map[string]string{}
	var msgs []*goi18n.Message
	for _, f := range files {
		if f.IsDir() || path.Ext(f.Name()) != ".json" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, f.Name()))
		if err != nil {
			return nil, nil, err
		}
		var flat map[string]string
		if err := json.Unmarshal(data, &flat); err != nil {
			return nil, nil, fmt.Errorf("translations %s/%s: %w", lang, f.Name(), err)
		}
		for k, v := range flat {
			if _, dup := texts[k]; dup {
				return nil, nil, fmt.Errorf("translations %s: key %q defined twice", lang, k)
			}
			texts[k] = v
			msgs = append(msgs, &goi18n.Message{ID: k, Other: v})
		}
	}
	b := goi18n.NewBundle(tag)
	if err := b.AddMessages(tag, msgs...); err != nil {
		return nil, nil, fmt.Errorf("translations %s: %w", lang, err)
	}
	return b, texts, nil
}

// Keys returns the sorted translation keys defined for lang.
func Keys(lang string) []string {
	c, err := load(lang)
	if err != nil {
		return nil
	}
	keys := make([]string, 0, len(c.texts))
	for k := range c.texts {
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
