package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// BenchmarkTypeConsumerKey types a consumer key as long as a real one (85
// characters) into the Credentials screen, one key event at a time, with
// live validation. Goal: far below one frame (16 ms) a keystroke.
func BenchmarkTypeConsumerKey(b *testing.B) {
	u, _ := newTestUI(b, &fakeBackend{}, "ja", nil)
	u.startWizard()
	u.ShowCredentials()
	test.Type(u.Credentials.Org, "acme")
	key := "3MVG9" + strings.Repeat("k2Jx7Qw9Zp4Lm8Rt3Vb6", 4)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.Credentials.Key.SetText("")
		test.Type(u.Credentials.Key, key)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(key)), "ns/keystroke")
}
