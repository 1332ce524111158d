package seal

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// testWork keeps scrypt cheap in tests; one test checks the real default.
const testWork = 10

const profileJSON = `{"format": "sfconnect-profile", "connection": {"client_secret": "s3cr3t"}}`

func sealed(t testing.TB, lock Lock) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Seal(&b, []byte(profileJSON), lock); err != nil {
		t.Fatalf("Seal: %v", err)
	}
	return b.Bytes()
}

func identities(t testing.TB, ids ...age.Identity) Identities {
	t.Helper()
	var b strings.Builder
	for _, id := range ids {
		b.WriteString("# created: by the test\n" + id.(interface{ String() string }).String() + "\n")
	}
	got, err := ParseIdentities(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSealAndOpenRoundTrip(t *testing.T) {
	x, _ := age.GenerateX25519Identity()
	other, _ := age.GenerateX25519Identity()
	pq, _ := age.GenerateHybridIdentity()
	tests := []struct {
		name  string
		lock  Lock
		key   Key
		needs Needs
	}{
		{"passphrase", Lock{Passphrase: "correct horse battery", WorkFactor: testWork},
			Key{Passphrase: "correct horse battery"}, NeedsPassphrase},
		{"japanese passphrase", Lock{Passphrase: "引き継ぎ用のあいことば二〇二五", WorkFactor: testWork},
			Key{Passphrase: "引き継ぎ用のあいことば二〇二五"}, NeedsPassphrase},
		{"one age key", Lock{Recipients: []string{x.Recipient().String()}}, Key{Identities: identities(t, x)}, NeedsKey},
		{"second of two keys", Lock{Recipients: []string{other.Recipient().String(), " " + x.Recipient().String() + "\n"}},
			Key{Identities: identities(t, x)}, NeedsKey},
		{"post-quantum key", Lock{Recipients: []string{pq.Recipient().String()}}, Key{Identities: identities(t, pq)}, NeedsKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := sealed(t, tt.lock)
			if !bytes.HasPrefix(data, []byte(armorHeader+"\n")) || bytes.Contains(data, []byte("s3cr3t")) {
				t.Fatalf("not an armored, encrypted file:\n%s", data)
			}
			if needs, err := Inspect(data); needs != tt.needs || err != nil {
				t.Errorf("Inspect = %v, %v; want %v", needs, err, tt.needs)
			}
			got, err := Open(data, tt.key, 1<<20)
			if err != nil || string(got) != profileJSON {
				t.Fatalf("Open = %q, %v", got, err)
			}
		})
	}
}

// The binary form (what `age` writes without -a) opens too.
func TestOpenBinaryAgeFile(t *testing.T) {
	bin := dearmor(t, sealed(t, Lock{Passphrase: "correct horse battery", WorkFactor: testWork}))
	got, err := Open(bin, Key{Passphrase: "correct horse battery"}, 1<<20)
	if err != nil || string(got) != profileJSON {
		t.Fatalf("Open = %q, %v", got, err)
	}
}

func dearmor(t testing.TB, data []byte) []byte {
	t.Helper()
	bin, err := io.ReadAll(armor.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

func rearmor(t *testing.T, bin []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := armor.NewWriter(&b)
	if _, err := w.Write(bin); err != nil || w.Close() != nil {
		t.Fatal("armor")
	}
	return b.Bytes()
}

func TestOpenRefusesWithoutTheRightKey(t *testing.T) {
	x, _ := age.GenerateX25519Identity()
	stranger, _ := age.GenerateX25519Identity()
	byPass := sealed(t, Lock{Passphrase: "correct horse battery", WorkFactor: testWork})
	byKey := sealed(t, Lock{Recipients: []string{x.Recipient().String()}})
	tests := []struct {
		name string
		data []byte
		key  Key
		want error
	}{
		{"wrong passphrase", byPass, Key{Passphrase: "correct horse batterx"}, ErrWrongPassphrase},
		{"no passphrase", byPass, Key{}, ErrPassphraseNeeded},
		{"a key for a passphrase file", byPass, Key{Identities: identities(t, x)}, ErrPassphraseNeeded},
		{"someone else's key", byKey, Key{Identities: identities(t, stranger)}, ErrWrongKey},
		{"no key", byKey, Key{}, ErrKeyNeeded},
		{"a passphrase for a key file", byKey, Key{Passphrase: "correct horse battery"}, ErrKeyNeeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Open(tt.data, tt.key, 1<<20)
			if !errors.Is(err, tt.want) || got != nil {
				t.Fatalf("Open = %q, %v; want %v", got, err, tt.want)
			}
			if strings.Contains(err.Error(), "correct horse") {
				t.Error("the error quotes the passphrase")
			}
		})
	}
}

// Whatever happened to the file on its way, nothing of it is returned.
func TestOpenRefusesDamagedFiles(t *testing.T) {
	const pass = "correct horse battery"
	good := sealed(t, Lock{Passphrase: pass, WorkFactor: testWork})
	bin := dearmor(t, good)
	flip := func(b []byte, i int) []byte {
		c := bytes.Clone(b)
		c[i] ^= 0x01
		return c
	}
	hdrEnd := bytes.Index(bin, []byte("\n---")) + 1
	tests := []struct {
		name string
		data []byte
	}{
		{"armored, cut in half", good[:len(good)/2]},
		{"armored, last line lost", good[:bytes.LastIndex(bytes.TrimRight(good, "\n"), []byte("\n"))+1]},
		{"binary, last byte lost", bin[:len(bin)-1]},
		{"binary, cut after the header", bin[:hdrEnd+50]},
		{"a ciphertext bit flipped", rearmor(t, flip(bin, len(bin)-5))},
		// A flipped salt or wrapped key cannot be told from a wrong
		// passphrase (the key derived from it does not open the stanza);
		// a flipped intro line can.
		{"the intro line flipped", rearmor(t, flip(bin, 5))},
		{"the header MAC flipped", rearmor(t, flip(bin, hdrEnd+6))},
		{"bytes appended", rearmor(t, append(bytes.Clone(bin), "more"...))},
		{"armor garbled", bytes.Replace(good, []byte("\n"), []byte("\n!"), 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Open(tt.data, Key{Passphrase: pass}, 1<<20)
			if !errors.Is(err, ErrDamaged) || got != nil {
				t.Fatalf("Open = %q, %v; want ErrDamaged", got, err)
			}
		})
	}
}

func TestInspectRefusesAnExcessiveWorkFactor(t *testing.T) {
	bin := dearmor(t, sealed(t, Lock{Passphrase: "correct horse battery", WorkFactor: testWork}))
	line := bytes.SplitN(bin, []byte("\n"), 3)[1] // "-> scrypt <salt> 10"
	costly := bytes.Replace(bin, line, append(bytes.TrimSuffix(line, []byte(" 10")), " 21"...), 1)
	if _, err := Inspect(rearmor(t, costly)); !errors.Is(err, &Error{Kind: TooCostly}) {
		t.Fatalf("Inspect = %v, want TooCostly", err)
	}
	if _, err := Open(rearmor(t, costly), Key{Passphrase: "correct horse battery"}, 1<<20); !errors.Is(err, &Error{Kind: TooCostly}) {
		t.Fatalf("Open = %v, want TooCostly", err)
	}
}

func TestPlainFilesAreNotSealed(t *testing.T) {
	for _, plain := range []string{profileJSON, "", "age-encryption.org/v2\n", "  {}"} {
		if needs, err := Inspect([]byte(plain)); needs != NeedsNothing || err != nil || IsSealed([]byte(plain)) {
			t.Errorf("Inspect(%q) = %v, %v", plain, needs, err)
		}
		if _, err := Open([]byte(plain), Key{Passphrase: "correct horse battery"}, 1<<20); !errors.Is(err, &Error{Kind: NotSealed}) {
			t.Errorf("Open(%q) = %v", plain, err)
		}
	}
}

func TestOpenStopsAtTheLimit(t *testing.T) {
	data := sealed(t, Lock{Passphrase: "correct horse battery", WorkFactor: testWork})
	if _, err := Open(data, Key{Passphrase: "correct horse battery"}, int64(len(profileJSON)-1)); !errors.Is(err, &Error{Kind: TooLarge}) {
		t.Fatalf("Open = %v, want TooLarge", err)
	}
}

func TestSealRefusesBadLocks(t *testing.T) {
	x, _ := age.GenerateX25519Identity()
	tests := []struct {
		name  string
		lock  Lock
		want  Kind
		index int
	}{
		{"nothing", Lock{}, NoLock, 0},
		{"both", Lock{Passphrase: "correct horse battery", Recipients: []string{x.Recipient().String()}}, BothLocks, 0},
		{"short passphrase", Lock{Passphrase: "short"}, ShortPassphrase, 0},
		{"an ssh key", Lock{Recipients: []string{x.Recipient().String(), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG"}}, BadRecipient, 2},
		{"a secret key", Lock{Recipients: []string{x.String()}}, BadRecipient, 1},
		{"two keys in one", Lock{Recipients: []string{x.Recipient().String() + "\n" + x.Recipient().String()}}, BadRecipient, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Seal(&b, []byte(profileJSON), tt.lock)
			var se *Error
			if !errors.As(err, &se) || se.Kind != tt.want || se.Index != tt.index || b.Len() != 0 {
				t.Fatalf("Seal = %v (wrote %d bytes); want %v at %d", err, b.Len(), tt.want, tt.index)
			}
			if se.MessageKey() == "seal.err.damaged" {
				t.Errorf("%v has no message of its own", se.Kind)
			}
		})
	}
}

func TestParseIdentitiesRefusesWhatIsNoKey(t *testing.T) {
	x, _ := age.GenerateX25519Identity()
	for _, in := range []string{"", "# only a comment\n", x.Recipient().String() + "\n", "-----BEGIN AGE ENCRYPTED FILE-----\n"} {
		if _, err := ParseIdentities(strings.NewReader(in)); !errors.Is(err, &Error{Kind: BadIdentity}) {
			t.Errorf("ParseIdentities(%q) = %v", in, err)
		}
	}
}

// A passphrase file is sealed with age's own default cost unless a test
// says otherwise: the header names it.
func TestSealUsesAgesDefaultWorkFactor(t *testing.T) {
	bin := dearmor(t, sealed(t, Lock{Passphrase: "correct horse battery"}))
	line := string(bytes.SplitN(bin, []byte("\n"), 3)[1])
	if !strings.HasPrefix(line, "-> scrypt ") || !strings.HasSuffix(line, " 18") {
		t.Fatalf("scrypt stanza %q, want work factor 18", line)
	}
}
