package profile

import (
	"bytes"
	"strings"
	"testing"
)

// A memo may legitimately hold a CR and format characters, among them a
// bidi override. The export file (also printed by `export -o -`) writes
// them as JSON escapes, so it acts on no terminal, and re-imports the same.
func TestExportEscapesInvisibleCharacters(t *testing.T) {
	p := validProfile()
	p.Memo = "owner: 情報システム部\r\nrtl\u202e\u2066evil\u00ad"
	var buf bytes.Buffer
	if err := ExportAt(&buf, p, nil, exportTime); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, raw := range []string{"\r", "\u202e", "\u2066", "\u00ad"} {
		if strings.Contains(out, raw) {
			t.Errorf("the export holds %q raw", raw)
		}
	}
	if !strings.Contains(out, `\r\nrtl\u202e\u2066evil\u00ad`) || !strings.Contains(out, "情報システム部") {
		t.Errorf("memo not written as escapes:\n%s", out)
	}
	back, _, err := Import(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Memo != p.Memo {
		t.Errorf("memo re-imports as %q, want %q", back.Memo, p.Memo)
	}
}
