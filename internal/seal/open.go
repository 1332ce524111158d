package seal

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"filippo.io/age"
)

// Needs says what opening a file takes.
type Needs int

const (
	// NeedsNothing: not an age file (a plain profile, or not a profile).
	NeedsNothing Needs = iota
	// NeedsPassphrase: sealed to a passphrase.
	NeedsPassphrase
	// NeedsKey: sealed to age public keys; an age identity opens it.
	NeedsKey
)

// Key is what the person opening a file has: a passphrase or age
// identities (their secret keys).
type Key struct {
	Passphrase string
	Identities Identities
}

// Identities are age secret keys read by ParseIdentities.
type Identities struct{ ids []age.Identity }

// ParseIdentities reads an age identity file: "AGE-SECRET-KEY-1..." lines
// (and age 1.3's post-quantum keys), "#" comments and blank lines, as
// age-keygen writes it.
func ParseIdentities(r io.Reader) (Identities, error) {
	ids, err := age.ParseIdentities(io.LimitReader(r, 1<<20))
	if err != nil {
		return Identities{}, &Error{Kind: BadIdentity, Err: err}
	}
	return Identities{ids: ids}, nil
}

// Inspect tells what opening data takes, reading only the age header.
// A file whose header cannot be read is damaged (ErrDamaged); one that
// demands more scrypt work than MaxWorkFactor is refused (ErrTooCostly).
func Inspect(data []byte) (Needs, error) {
	if !IsSealed(data) {
		return NeedsNothing, nil
	}
	hdr, err := age.ExtractHeader(reader(data))
	if err != nil {
		return 0, &Error{Kind: Damaged, Err: err}
	}
	needs := NeedsKey
	for _, line := range strings.Split(string(hdr), "\n") {
		args := strings.Fields(strings.TrimPrefix(line, "-> "))
		if !strings.HasPrefix(line, "-> ") || len(args) == 0 || args[0] != "scrypt" {
			continue
		}
		// The scrypt stanza is "-> scrypt <salt> <log2 N>" (age spec,
		// "The scrypt recipient type").
		if len(args) != 3 {
			return 0, &Error{Kind: Damaged}
		}
		wf, err := strconv.Atoi(args[2])
		if err != nil {
			return 0, &Error{Kind: Damaged, Err: err}
		}
		if wf > MaxWorkFactor {
			return 0, &Error{Kind: TooCostly}
		}
		needs = NeedsPassphrase
	}
	return needs, nil
}

// Open decrypts a sealed file with key and returns its content, at most
// limit bytes. Wrong passphrase or key, a damaged, truncated or altered
// file: each is an *Error, and nothing of the content is returned, since
// age authenticates every chunk before it hands it out.
func Open(data []byte, key Key, limit int64) ([]byte, error) {
	needs, err := Inspect(data)
	if err != nil {
		return nil, err
	}
	var ids []age.Identity
	wrong := WrongKey
	switch needs {
	case NeedsNothing:
		return nil, &Error{Kind: NotSealed}
	case NeedsPassphrase:
		if key.Passphrase == "" {
			return nil, &Error{Kind: PassphraseNeeded}
		}
		id, err := age.NewScryptIdentity(key.Passphrase)
		if err != nil {
			return nil, &Error{Kind: WrongPassphrase, Err: err}
		}
		id.SetMaxWorkFactor(MaxWorkFactor)
		ids, wrong = []age.Identity{id}, WrongPassphrase
	case NeedsKey:
		if len(key.Identities.ids) == 0 {
			return nil, &Error{Kind: KeyNeeded}
		}
		ids = key.Identities.ids
	}
	r, err := age.Decrypt(reader(data), ids...)
	var nomatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &nomatch):
		return nil, &Error{Kind: wrong}
	case err != nil:
		return nil, &Error{Kind: Damaged, Err: err}
	}
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(r, limit+1))
	switch {
	case err != nil:
		clear(out.Bytes()) // decrypted bytes that will not be handed out
		return nil, &Error{Kind: Damaged, Err: err}
	case n > limit:
		clear(out.Bytes())
		return nil, &Error{Kind: TooLarge}
	}
	return out.Bytes(), nil
}
