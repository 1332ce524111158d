package seal

import (
	"strings"
	"testing"
)

func TestRate(t *testing.T) {
	tests := []struct {
		passphrase string
		want       Strength
	}{
		{"", TooShort},
		{"abcdefghi", TooShort},
		{"あいうえおかきくけ", TooShort},
		{"aaaaaaaaaaaaaaaaaaaa", Weak}, // long, but one letter
		{"abcdefghij", Weak},
		{"summer2025!", Fair},
		{"correct horse battery staple", Strong},
		{"引き継ぎの合言葉は青い海と白い船", Strong},
	}
	for _, tt := range tests {
		if got := Rate(tt.passphrase); got != tt.want {
			t.Errorf("Rate(%q) = %v, want %v", tt.passphrase, got, tt.want)
		}
	}
}

func TestGeneratedPassphrasesAreStrongAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		p := GeneratePassphrase()
		groups := strings.Split(p, "-")
		if len(groups) != 5 || len(p) != 29 || Rate(p) != Strong || CheckPassphrase(p) != nil {
			t.Fatalf("generated %q", p)
		}
		if strings.ContainsAny(p, "0189") {
			t.Fatalf("generated %q has a look-alike", p)
		}
		if seen[p] {
			t.Fatal("a passphrase repeated")
		}
		seen[p] = true
	}
}
