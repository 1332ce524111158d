package app_test

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkConnect measures a whole sign-in against the simulator over
// loopback: listener, browser GET and redirects, exchange, the four checks,
// keychain and profile writes. Goal: well under 50 ms and 2 MB a sign-in,
// so the wait an admin sees is Salesforce's, never ours.
func BenchmarkConnect(b *testing.B) {
	h := newHarness(b, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		name := fmt.Sprintf("bench-%d", i)
		if _, err := h.svc.Connect(context.Background(), name, h.input(), h.fields(), nil); err != nil {
			b.Fatal(err)
		}
		h.browser.last()
	}
}
