// Package seal protects sfconnect's hand-over files with age
// (age-encryption.org/v1, the filippo.io/age implementation): ASCII-armored,
// sealed either to a passphrase (age's scrypt recipient) or to the age public
// keys of the people who may open it. Nothing here is home-made
// cryptography: the package chooses age's recipients, tells what a file
// needs before it is opened, bounds the work a file may ask for, and turns
// age's errors into ones a user can act on. It knows nothing of profiles.
package seal

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// DefaultWorkFactor is the scrypt cost (log2 of N) of a passphrase-sealed
// file: the one the age command line uses (age's ScryptRecipient default),
// about a second and 256 MiB on a laptop, so a stolen file resists guessing.
const DefaultWorkFactor = 18

// MaxWorkFactor bounds the scrypt cost a file may demand of the machine that
// opens it (2^20: 1 GiB, a few seconds). age would accept 22 (4 GiB), so a
// crafted file could otherwise exhaust a laptop's memory. Other age tools
// that tune the cost to their machine stay below it.
const MaxWorkFactor = 20

// Lock says who may open a sealed file: whoever knows Passphrase, or
// whoever holds the age identity of one of Recipients. Exactly one of the
// two is set.
type Lock struct {
	Passphrase string
	// Recipients are age public keys ("age1..." or "age1pq1...").
	Recipients []string
	// WorkFactor is the scrypt cost of a passphrase; 0 = DefaultWorkFactor.
	// Only tests lower it.
	WorkFactor int
}

// Seal writes plain to w as an ASCII-armored age file that only lock opens.
func Seal(w io.Writer, plain []byte, lock Lock) error {
	recipients, err := lock.recipients()
	if err != nil {
		return err
	}
	aw := armor.NewWriter(w)
	ew, err := age.Encrypt(aw, recipients...)
	if err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	if _, err := ew.Write(plain); err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	if err := ew.Close(); err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	if err := aw.Close(); err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	return nil
}

// Check reports whether Seal would accept the lock, without sealing
// anything: callers check it before they read the secrets to seal.
func (l Lock) Check() error {
	_, err := l.recipients()
	return err
}

func (l Lock) recipients() ([]age.Recipient, error) {
	switch {
	case l.Passphrase != "" && len(l.Recipients) > 0:
		return nil, &Error{Kind: BothLocks}
	case l.Passphrase != "":
		if err := CheckPassphrase(l.Passphrase); err != nil {
			return nil, err
		}
		r, err := age.NewScryptRecipient(l.Passphrase)
		if err != nil {
			return nil, fmt.Errorf("seal: %w", err)
		}
		wf := l.WorkFactor
		if wf == 0 {
			wf = DefaultWorkFactor
		}
		r.SetWorkFactor(wf)
		return []age.Recipient{r}, nil
	case len(l.Recipients) > 0:
		out := make([]age.Recipient, 0, len(l.Recipients))
		for i, s := range l.Recipients {
			r, err := ParseRecipient(s)
			if err != nil {
				return nil, &Error{Kind: BadRecipient, Index: i + 1, Err: err}
			}
			out = append(out, r)
		}
		return out, nil
	}
	return nil, &Error{Kind: NoLock}
}

// ParseRecipient reads one age public key: "age1..." (X25519) or
// "age1pq1..." (age 1.3's hybrid post-quantum key). SSH keys, which the age
// command line also accepts, are not: a colleague's age key is what the
// hand-over needs, and fewer formats are fewer surprises.
func ParseRecipient(s string) (age.Recipient, error) {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\r\n#") || s == "" {
		return nil, fmt.Errorf("not a single age public key")
	}
	rs, err := age.ParseRecipients(strings.NewReader(s))
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("not a single age public key")
	}
	return rs[0], nil
}

// armorHeader starts an ASCII-armored age file; binaryHeader a binary one
// (age-encryption.org/v1, "ASCII armor" and "Header").
const (
	armorHeader  = "-----BEGIN AGE ENCRYPTED FILE-----"
	binaryHeader = "age-encryption.org/v1\n"
)

// reader returns the age file in data, armored or not.
func reader(data []byte) io.Reader {
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armorHeader)) {
		return armor.NewReader(bytes.NewReader(data))
	}
	return bytes.NewReader(data)
}

// IsSealed reports whether data is an age file (armored or binary), so a
// reader of profile files can tell a sealed one from a damaged plain one.
func IsSealed(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(trimmed, []byte(armorHeader)) || bytes.HasPrefix(data, []byte(binaryHeader))
}
