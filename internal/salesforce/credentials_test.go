package salesforce

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckConsumerKeyAndSecret(t *testing.T) {
	tests := []struct {
		name, value string
		key, secret string // the Reason for each check, "" = accepted
	}{
		{"a key as Salesforce issues it", "3MVG9" + strings.Repeat("aZ09._", 13), "", ""},
		{"a secret as Salesforce issues it", "E2B4C6A1F3D5" + strings.Repeat("9", 52), "", ""},
		{"two values pasted together", "3MVG9abc 12345", CredentialSpaces, CredentialSpaces},
		{"a wrapped copy", "3MVG9abc\n12345", CredentialSpaces, CredentialSpaces},
		{"an ideographic space", "3MVG9abc\u300012345", CredentialSpaces, CredentialSpaces},
		{"full-width letters", "３MVG9abc", CredentialInvalid, CredentialInvalid},
		{"a control character", "3MVG9\x00abc", CredentialInvalid, CredentialInvalid},
		{"empty", "", CredentialInvalid, CredentialInvalid},
		{"257 bytes", strings.Repeat("K", MaxConsumerKeyLen+1), CredentialTooLong, ""},
		{"256 bytes", strings.Repeat("K", MaxConsumerKeyLen), "", ""},
	}
	reason := func(err error) string {
		var ce *CredentialError
		if errors.As(err, &ce) {
			return ce.Reason
		}
		if err != nil {
			return "unexpected " + err.Error()
		}
		return ""
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reason(CheckConsumerKey(tt.value)); got != tt.key {
				t.Errorf("CheckConsumerKey: reason %q, want %q", got, tt.key)
			}
			err := CheckConsumerSecret(tt.value)
			if got := reason(err); got != tt.secret {
				t.Errorf("CheckConsumerSecret: reason %q, want %q", got, tt.secret)
			}
			if err != nil && strings.Contains(err.Error(), tt.value) && tt.value != "" {
				t.Error("the error repeats the value")
			}
		})
	}
}
