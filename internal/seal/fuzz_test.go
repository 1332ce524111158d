package seal

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"filippo.io/age"
)

// fuzzPassphrase opens the fuzzer's passphrase-sealed seeds.
const fuzzPassphrase = "correct horse battery"

// FuzzInspect: a hand-over file comes from whoever sent it, and Inspect
// reads its header before anyone is asked for a passphrase. On any bytes,
// Inspect and Open never panic; every refusal is an *Error (a translated
// text) that never quotes the passphrase; a file that is not sealed needs
// nothing and is never opened; what Open hands out stays within its limit.
func FuzzInspect(f *testing.F) {
	x, _ := age.GenerateX25519Identity()
	ids := identities(f, x)
	byPass := sealed(f, Lock{Passphrase: fuzzPassphrase, WorkFactor: testWork})
	byKey := sealed(f, Lock{Recipients: []string{x.Recipient().String()}})
	for _, seed := range [][]byte{
		byPass, byKey, dearmor(f, byPass), dearmor(f, byKey),
		byPass[:len(byPass)/2], byKey[:len(byKey)-40],
		[]byte(profileJSON), []byte(""), []byte(armorHeader + "\n"),
		[]byte(binaryHeader + "-> scrypt c2FsdHNhbHRzYWx0c2FsdA 30\nAAAA\n--- AAAA\n"),
		[]byte(binaryHeader + "-> scrypt only-two\n--- AAAA\n"),
		[]byte(binaryHeader + "-> X25519 AAAA\n\n--- AAAA\n"),
	} {
		f.Add(seed)
	}
	const limit = 1 << 10
	f.Fuzz(func(t *testing.T, data []byte) {
		needs, err := Inspect(data)
		if err != nil {
			checkSealError(t, "Inspect", err)
		}
		if !IsSealed(data) && (needs != NeedsNothing || err != nil) {
			t.Fatalf("a file that is not sealed: Inspect = %v, %v", needs, err)
		}
		key := Key{Identities: ids}
		// scrypt at the file's own cost: only the cheap ones, or each run
		// could take a second and a GiB (MaxWorkFactor).
		if needs == NeedsPassphrase && cheapScrypt(data) {
			key.Passphrase = fuzzPassphrase
		}
		out, err := Open(data, key, limit)
		switch {
		case err != nil:
			checkSealError(t, "Open", err)
		case needs == NeedsNothing:
			t.Fatalf("Open opened a file that is not sealed")
		case len(out) > limit:
			t.Fatalf("Open handed out %d bytes, limit %d", len(out), limit)
		}
	})
}

// checkSealError fails unless err is this package's *Error with a text and
// without the passphrase.
func checkSealError(t *testing.T, op string, err error) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) || se.MessageKey() == "" {
		t.Fatalf("%s: %T %v, want *seal.Error", op, err, err)
	}
	if strings.Contains(err.Error(), fuzzPassphrase) {
		t.Fatalf("%s: the error quotes the passphrase: %v", op, err)
	}
}

// cheapScrypt reports whether every scrypt stanza of data's header asks at
// most testWork.
func cheapScrypt(data []byte) bool {
	hdr, err := age.ExtractHeader(reader(data))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(hdr), "\n") {
		args := strings.Fields(strings.TrimPrefix(line, "-> "))
		if !strings.HasPrefix(line, "-> ") || len(args) == 0 || args[0] != "scrypt" {
			continue
		}
		if wf, err := strconv.Atoi(args[len(args)-1]); err != nil || wf > testWork {
			return false
		}
	}
	return true
}
