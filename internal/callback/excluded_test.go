package callback

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestExcludedPortRangesAreReadInEnglishAndJapanese(t *testing.T) {
	ja := []PortRange{{80, 80, false}, {2869, 2869, false}, {5357, 5357, false}, {7844, 7943, false}, {50000, 50059, true}}
	tests := []struct {
		file string
		want []PortRange
	}{
		{"netsh-excludedportrange-en.txt", []PortRange{{80, 80, false}, {1242, 1341, false}, {1342, 1441, false},
			{5357, 5357, false}, {8765, 8765, false}, {50000, 50059, true}}},
		{"netsh-excludedportrange-ja-cp932.txt", ja},
		{"netsh-excludedportrange-ja-utf8.txt", ja},
	}
	for _, tt := range tests {
		out, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := ParseExcludedPorts(out); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.file, got, tt.want)
		}
	}
}

func TestNothingButRowsIsTakenForARange(t *testing.T) {
	for _, s := range []string{"", "----------    --------", "1 2 3", "80 x", "90 80", "0 10", "1 70000", "5357 5357 **"} {
		if got := ParseExcludedPorts([]byte(s)); len(got) != 0 {
			t.Errorf("%q read as %v", s, got)
		}
	}
}

func TestThePortSuggestionAvoidsExcludedRanges(t *testing.T) {
	out, _ := os.ReadFile(filepath.Join("testdata", "netsh-excludedportrange-en.txt"))
	ranges := ParseExcludedPorts(out)
	if r, ok := ExcludedRange(ranges, 50010); !ok || r.Start != 50000 || !r.Administered {
		t.Errorf("50010 in %v, %v", r, ok)
	}
	if _, ok := ExcludedRange(ranges, 8080); ok {
		t.Error("8080 reported excluded")
	}
	if p := FreePortSuggestion(ranges, 0); p != SuggestedPort+1 {
		t.Errorf("suggestion %d, want %d (8765 is excluded in the sample)", p, SuggestedPort+1)
	}
	if p := FreePortSuggestion(nil, SuggestedPort); p != SuggestedPort+1 {
		t.Errorf("suggestion %d repeats the failing port", p)
	}
}

func FuzzParseExcludedPorts(f *testing.F) {
	for _, s := range []string{"80 80\r\n", "50000 50059 *\n", "a b\n1 2\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, r := range ParseExcludedPorts(b) {
			if r.Start < 1 || r.End > 65535 || r.Start > r.End {
				t.Errorf("bad range %v", r)
			}
		}
	})
}
