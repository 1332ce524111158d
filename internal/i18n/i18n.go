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

var (
	bundleOnce sync.Once
	bundle     *goi18n.Bundle
	bundleErr  error
	keysByLang map[string]map[string]string
)

// load parses every embedded translation file once per process.
func load() (*goi18n.Bundle, error) {
	bundleOnce.Do(func() {
		bundle, keysByLang, bundleErr = parse(assets.I18n, "i18n")
	})
	return bundle, bundleErr
}

func parse(fsys fs.FS, root string) (*goi18n.Bundle, map[string]map[string]string, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	all := map[string]map[string]string{}
	for _, lang := range Languages {
		dir := path.Join(root, lang)
		files, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, nil, fmt.Errorf("read translations for %s: %w", lang, err)
		}
		all[lang] = map[string]string{}
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
				if _, dup := all[lang][k]; dup {
					return nil, nil, fmt.Errorf("translations %s: key %q defined twice", lang, k)
				}
				all[lang][k] = v
			}
			// go-i18n takes the language from the file name: area.<lang>.json.
			name := strings.TrimSuffix(f.Name(), ".json") + "." + lang + ".json"
			if _, err := b.ParseMessageFileBytes(data, name); err != nil {
				return nil, nil, fmt.Errorf("translations %s/%s: %w", lang, f.Name(), err)
			}
		}
	}
	return b, all, nil
}

// Keys returns the sorted translation keys defined for lang.
func Keys(lang string) []string {
	if _, err := load(); err != nil {
		return nil
	}
	keys := make([]string, 0, len(keysByLang[lang]))
	for k := range keysByLang[lang] {
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
