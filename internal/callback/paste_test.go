package callback

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

const pasteState = "st-123_abc"

func TestParsePasted(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		want      Result
		wantErr   error  // sentinel, when set
		wantPaste string // PasteError reason, when set
	}{
		{name: "full URL, code decoded once", input: "http://localhost/?code=aPrx%3D%3D&state=" + pasteState, want: Result{Code: "aPrx=="}},
		{name: "full URL with port, path, quotes and newline", input: "  \"http://localhost:8765/callback?code=aPrx%3D%3D&state=" + pasteState + "\"\n", want: Result{Code: "aPrx=="}},
		{name: "URL without scheme", input: "localhost/?code=abc&state=" + pasteState, want: Result{Code: "abc"}},
		{name: "URL with fragment", input: "http://localhost/?code=abc&state=" + pasteState + "#_=_", want: Result{Code: "abc"}},
		{name: "escaped percent stays one level", input: "http://localhost/?code=ab%253D&state=" + pasteState, want: Result{Code: "ab%3D"}},
		{name: "query with question mark", input: "?code=aPrx%3D%3D&state=" + pasteState, want: Result{Code: "aPrx=="}},
		{name: "query without question mark", input: "code=aPrx%3D%3D&state=" + pasteState, want: Result{Code: "aPrx=="}},
		{name: "state before code", input: "state=" + pasteState + "&code=xyz", want: Result{Code: "xyz"}},
		{name: "bare escaped code", input: "aPrxab%3D%3D", want: Result{Code: "aPrxab=="}},
		{name: "bare decoded code kept", input: "aPrx==", want: Result{Code: "aPrx=="}},
		{name: "bare code plus is not a space", input: "aP+rx==", want: Result{Code: "aP+rx=="}},
		{name: "bare escaped plus", input: "aP%2Brx%3D%3D", want: Result{Code: "aP+rx=="}},
		{name: "bare code in Japanese brackets", input: "「aPrx==」", want: Result{Code: "aPrx=="}},
		{name: "bare code in angle brackets and backticks", input: "`<aPrx==>`", want: Result{Code: "aPrx=="}},
		{
			name:  "denial",
			input: "http://localhost/?error=access_denied&error_description=end-user+denied+authorization&state=" + pasteState,
			want:  Result{Error: "access_denied", ErrorDescription: "end-user denied authorization"},
		},
		{name: "wrong state", input: "http://localhost/?code=abc&state=other", wantErr: ErrStateMismatch},
		{name: "state prefix only", input: "http://localhost/?code=abc&state=st-123", wantErr: ErrStateMismatch},
		{name: "empty state", input: "http://localhost/?code=abc&state=", wantErr: ErrStateMismatch},
		{name: "denial with wrong state", input: "?error=access_denied&state=x", wantErr: ErrStateMismatch},
		{name: "URL without state", input: "http://localhost/?code=abc", wantPaste: "no_state"},
		{name: "query code only", input: "code=abc", wantPaste: "no_state"},
		{name: "empty", input: "", wantPaste: "empty"},
		{name: "whitespace and quotes only", input: " \t\"\" \n", wantPaste: "empty"},
		{name: "URL without query", input: "http://localhost/", wantPaste: "not_a_callback_url"},
		{name: "authorize URL", input: "https://login.salesforce.com/services/oauth2/authorize?response_type=code&client_id=x", wantPaste: "not_a_callback_url"},
		{name: "query without code", input: "?state=" + pasteState, wantPaste: "no_code"},
		{name: "key=value that is not a code", input: "foo=bar", wantPaste: "no_code"},
		{name: "sentence", input: "two words", wantPaste: "no_code"},
		{name: "bare code with bad escape", input: "abc%zz", wantPaste: "malformed"},
		{name: "query with bad escape", input: "code=%zz&state=" + pasteState, wantPaste: "malformed"},
		{name: "duplicate code", input: "?code=a&code=b&state=" + pasteState, wantPaste: "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePasted(tt.input, pasteState)
			switch {
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
			case tt.wantPaste != "":
				var pe *PasteError
				if !errors.As(err, &pe) || pe.Reason != tt.wantPaste {
					t.Fatalf("err = %v, want PasteError %q", err, tt.wantPaste)
				}
			default:
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if got != tt.want {
					t.Fatalf("got %+v, want %+v", got, tt.want)
				}
			}
			if err != nil && (strings.Contains(err.Error(), pasteState) || (len(tt.input) > 3 && strings.Contains(err.Error(), strings.TrimSpace(tt.input)))) {
				t.Fatalf("error %q repeats the state or the pasted text", err)
			}
		})
	}
}

func FuzzParsePasted(f *testing.F) {
	for _, s := range []string{
		"http://localhost/?code=aPrx%3D%3D&state=" + pasteState,
		"?code=a%253D&state=" + pasteState,
		"code=x&state=y", "aPrx%3D%3D", "aPrx==", "「a」", `"'<>'"`, "%", "?", "://?", "a=b=c", "&&&",
		"?error=access_denied&state=" + pasteState, "\x00", "localhost/?code=%zz",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		got, err := ParsePasted(input, pasteState)
		if err == nil {
			if (got.Code == "") == (got.Error == "") {
				t.Fatalf("accepted %q with result %+v: want exactly one of code and error", input, got)
			}
		} else {
			var pe *PasteError
			if !errors.As(err, &pe) && !errors.Is(err, ErrStateMismatch) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
		}
		// Any code, escaped once into a full URL, comes back exactly.
		if input == "" {
			return
		}
		u := "http://localhost/?code=" + url.QueryEscape(input) + "&state=" + pasteState
		got, err = ParsePasted(u, pasteState)
		if err != nil || got.Code != input {
			t.Fatalf("round trip of %q: got %+v, %v", input, got, err)
		}
	})
}
