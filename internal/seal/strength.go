package seal

import (
	"crypto/rand"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinPassphraseLen is the shortest passphrase Seal accepts, in characters.
// The file travels by mail or chat and may be attacked offline; scrypt slows
// each guess, but only length makes the number of guesses large.
const MinPassphraseLen = 10

// Strength is a rough rating of a passphrase, shown as a hint while it is
// typed. It counts length and kinds of characters; it cannot know that a
// phrase is a famous quote or a word from a dictionary, and says so.
type Strength int

// The ratings, weakest first.
const (
	TooShort Strength = iota // below MinPassphraseLen: refused
	Weak                     // under 50 bits by the estimate
	Fair                     // under 75 bits
	Strong
)

// Rate estimates the strength of passphrase.
func Rate(passphrase string) Strength {
	n := utf8.RuneCountInString(passphrase)
	if n < MinPassphraseLen {
		return TooShort
	}
	pool := 0
	var lower, upper, digit, symbol, other bool
	seen := map[rune]bool{}
	for _, r := range passphrase {
		seen[r] = true
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case r < utf8.RuneSelf:
			symbol = true
		case unicode.IsLetter(r):
			other = true // kana and kanji: a large alphabet
		default:
			symbol = true
		}
	}
	for _, c := range []struct {
		on   bool
		size int
	}{{lower, 26}, {upper, 26}, {digit, 10}, {symbol, 33}, {other, 100}} {
		if c.on {
			pool += c.size
		}
	}
	// Repeating a few characters adds little: count each distinct one at
	// most twice.
	effective := min(n, 2*len(seen))
	bits := float64(effective) * math.Log2(float64(pool))
	switch {
	case bits < 50:
		return Weak
	case bits < 75:
		return Fair
	}
	return Strong
}

// MessageKey names the hint shown for the rating.
func (s Strength) MessageKey() string {
	switch s {
	case TooShort:
		return "seal.strength.too_short"
	case Weak:
		return "seal.strength.weak"
	case Fair:
		return "seal.strength.fair"
	}
	return "seal.strength.strong"
}

// MessageArgs gives the minimum length to the hint.
func (s Strength) MessageArgs() map[string]any { return map[string]any{"Min": MinPassphraseLen} }

// CheckPassphrase refuses a passphrase Seal would not use.
func CheckPassphrase(p string) error {
	if Rate(p) == TooShort {
		return &Error{Kind: ShortPassphrase}
	}
	return nil
}

// GeneratePassphrase returns a random passphrase for the admin who would
// rather not invent one: 25 characters of crypto/rand.Text's base32 (125
// bits) in groups of five. Base32 has no 0, 1, 8 or 9, so nothing is
// mistaken for O, I, L or B when it is read out over the phone.
func GeneratePassphrase() string {
	t := rand.Text()[:25]
	groups := make([]string, 0, 5)
	for i := 0; i < len(t); i += 5 {
		groups = append(groups, t[i:i+5])
	}
	return strings.Join(groups, "-")
}
