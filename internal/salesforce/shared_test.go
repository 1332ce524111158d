package salesforce

import "testing"

func TestSharedLoginHost(t *testing.T) {
	tests := []struct {
		host   string
		kind   Kind
		shared bool
	}{
		{"login.salesforce.com", Production, true},
		{"test.salesforce.com", Sandbox, true},
		{"acme.my.salesforce.com", "", false},
		{"login.salesforce.com.evil.com", "", false},
		{"salesforce.com", "", false},
	}
	for _, tt := range tests {
		if k, ok := SharedLoginHost(tt.host); k != tt.kind || ok != tt.shared {
			t.Errorf("SharedLoginHost(%q) = %q, %v; want %q, %v", tt.host, k, ok, tt.kind, tt.shared)
		}
	}
	for _, u := range []string{ProductionLoginURL, SandboxLoginURL} {
		if _, ok := SharedLoginHost(u[len("https://"):]); !ok {
			t.Errorf("%s is not a shared login host", u)
		}
	}
}
