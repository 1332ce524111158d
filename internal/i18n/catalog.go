package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/sfconnect/sfconnect/assets"
)

// catalog is one language's texts, parsed as they are needed rather than at
// start: `sfconnect-cli --version` parses nothing, a Japanese session never
// parses the English files (only a key missing in Japanese falls back to
// them), and a text parses only the area file that holds its key. Decoding
// every file was most of the CLI's start-up work.
type catalog struct {
	mu    sync.Mutex
	lang  string
	raw   map[string][]byte // files not parsed yet, by name; nil until listed
	texts map[string]string
	// file says which file holds a key; each parsed file has its own
	// go-i18n localizer, never changed after, so a text renders without
	// holding mu.
	file map[string]string
	locs map[string]*goi18n.Localizer
	err  error // a file that cannot be read or parsed: a broken build
}

// source holds the translation files, root/<lang>/<area>.json; tests swap it.
var (
	source   fs.FS = assets.I18n
	root           = "i18n"
	catalogs       = newCatalogs()
)

func newCatalogs() map[string]*catalog {
	return map[string]*catalog{Japanese: {lang: Japanese}, English: {lang: English}}
}

// localize renders key in lang, or "" when lang lacks it. The files are
// embedded and checked by tests; if they fail to parse (a broken build),
// keys show raw rather than taking the app down.
func localize(lang, key string, data map[string]any) string {
	c := catalogs[Match(lang)]
	c.mu.Lock()
	err := c.find(key)
	loc := c.locs[c.file[key]]
	c.mu.Unlock()
	if err != nil || loc == nil {
		return ""
	}
	s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: key, TemplateData: data})
	if err != nil {
		return ""
	}
	return s
}

// allTexts parses every file of lang and returns its texts by key.
func allTexts(lang string) (map[string]string, error) {
	c := catalogs[Match(lang)]
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.parseAll(); err != nil {
		return nil, err
	}
	return c.texts, nil
}

// find makes sure key is parsed if any file has it. A file's raw bytes
// hold `"key":` only where key is a key (a quote inside a JSON string is
// escaped), so only that file is decoded; should the search miss, for a file
// laid out differently, every file is decoded. Callers hold c.mu.
func (c *catalog) find(key string) error {
	if err := c.list(); err != nil {
		return err
	}
	if _, ok := c.texts[key]; ok {
		return nil
	}
	needle := []byte(`"` + key + `":`)
	for _, name := range c.unparsed() {
		if bytes.Contains(c.raw[name], needle) {
			if err := c.parse(name); err != nil {
				return err
			}
			if _, ok := c.texts[key]; ok {
				return nil
			}
		}
	}
	return c.parseAll()
}

// list reads the language's files, undecoded, once. Callers hold c.mu.
func (c *catalog) list() error {
	if c.raw != nil || c.err != nil {
		return c.err
	}
	dir := path.Join(root, c.lang)
	entries, err := fs.ReadDir(source, dir)
	if err != nil {
		c.err = fmt.Errorf("read translations for %s: %w", c.lang, err)
		return c.err
	}
	c.raw, c.texts, c.file, c.locs = map[string][]byte{}, map[string]string{}, map[string]string{}, map[string]*goi18n.Localizer{}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".json" {
			continue
		}
		data, err := fs.ReadFile(source, path.Join(dir, e.Name()))
		if err != nil {
			c.err = err
			return err
		}
		c.raw[e.Name()] = data
	}
	return nil
}

// unparsed lists the files not decoded yet, in a stable order.
func (c *catalog) unparsed() []string {
	names := make([]string, 0, len(c.raw))
	for n := range c.raw {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// parseAll decodes every file not decoded yet. Callers hold c.mu.
func (c *catalog) parseAll() error {
	if err := c.list(); err != nil {
		return err
	}
	for _, name := range c.unparsed() {
		if err := c.parse(name); err != nil {
			return err
		}
	}
	return nil
}

// parse decodes one flat JSON file of key to text and hands its texts to
// go-i18n as ready messages. Callers hold c.mu.
func (c *catalog) parse(name string) error {
	data := c.raw[name]
	delete(c.raw, name)
	var flat map[string]string
	if err := json.Unmarshal(data, &flat); err != nil {
		c.err = fmt.Errorf("translations %s/%s: %w", c.lang, name, err)
		return c.err
	}
	msgs := make([]*goi18n.Message, 0, len(flat))
	for k, v := range flat {
		if _, dup := c.texts[k]; dup {
			c.err = fmt.Errorf("translations %s: key %q defined twice", c.lang, k)
			return c.err
		}
		c.texts[k], c.file[k] = v, name
		msgs = append(msgs, &goi18n.Message{ID: k, Other: v})
	}
	tag := language.Make(c.lang)
	b := goi18n.NewBundle(tag)
	if err := b.AddMessages(tag, msgs...); err != nil {
		c.err = fmt.Errorf("translations %s/%s: %w", c.lang, name, err)
		return c.err
	}
	c.locs[name] = goi18n.NewLocalizer(b, c.lang)
	return nil
}
