package seal

import "fmt"

// Kind is what went wrong with a sealed file, a lock or a key.
type Kind int

// The kinds of Error.
const (
	NoLock           Kind = iota // neither a passphrase nor a recipient was given
	BothLocks                    // a passphrase and recipients were both given
	BadRecipient                 // a recipient is not an age public key
	BadIdentity                  // an identity file holds no age secret key
	ShortPassphrase              // shorter than MinPassphraseLen
	PassphraseNeeded             // the file is sealed to a passphrase and none was given
	KeyNeeded                    // the file is sealed to age keys and no identity was given
	WrongPassphrase              // the passphrase does not open the file
	WrongKey                     // none of the identities opens the file
	Damaged                      // not a readable age file: truncated, altered or corrupted
	TooCostly                    // the file demands more scrypt work than MaxWorkFactor
	TooLarge                     // the content is larger than the caller's limit
	NotSealed                    // Open was given a file that is not sealed
)

var kindNames = [...]string{"no_lock", "both_locks", "bad_recipient", "bad_identity", "short_passphrase",
	"passphrase_needed", "key_needed", "wrong_passphrase", "wrong_key", "damaged", "too_costly",
	"too_large", "not_sealed"}

// String names the kind for logs.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Error is every error of this package a user may see. Err is age's own
// error when there is one, for logs; it never holds a passphrase or a key.
type Error struct {
	Kind  Kind
	Index int // BadRecipient: which recipient, from 1
	Err   error
}

// Sentinels to test for with errors.Is.
var (
	ErrPassphraseNeeded = &Error{Kind: PassphraseNeeded}
	ErrKeyNeeded        = &Error{Kind: KeyNeeded}
	ErrWrongPassphrase  = &Error{Kind: WrongPassphrase}
	ErrWrongKey         = &Error{Kind: WrongKey}
	ErrDamaged          = &Error{Kind: Damaged}
)

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("sealed file: %s: %v", e.Kind, e.Err)
	}
	return "sealed file: " + e.Kind.String()
}

// Unwrap returns age's error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is matches any *Error of the same Kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// MessageKey names the translated text, one per kind.
func (e *Error) MessageKey() string {
	switch e.Kind {
	case NoLock:
		return "seal.err.no_lock"
	case BothLocks:
		return "seal.err.both_locks"
	case BadRecipient:
		return "seal.err.bad_recipient"
	case BadIdentity:
		return "seal.err.bad_identity"
	case ShortPassphrase:
		return "seal.err.short_passphrase"
	case PassphraseNeeded:
		return "seal.err.passphrase_needed"
	case KeyNeeded:
		return "seal.err.key_needed"
	case WrongPassphrase:
		return "seal.err.wrong_passphrase"
	case WrongKey:
		return "seal.err.wrong_key"
	case TooCostly:
		return "seal.err.too_costly"
	case TooLarge:
		return "seal.err.too_large"
	case NotSealed:
		return "seal.err.not_sealed"
	}
	return "seal.err.damaged"
}

// MessageArgs fills the texts' templates; never a passphrase or a key.
func (e *Error) MessageArgs() map[string]any {
	return map[string]any{"Index": e.Index, "Min": MinPassphraseLen, "Max": MaxWorkFactor}
}
