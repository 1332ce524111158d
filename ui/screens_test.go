package ui

import "testing"

// The trace prints these names and scripts/wine-steps.sh waits for them.
func TestScreenNamesAreTheTraceNames(t *testing.T) {
	want := map[Screen]string{ScreenHome: "home", ScreenPrepare: "prepare", ScreenCredentials: "credentials",
		ScreenAuthorize: "authorize", ScreenResult: "result", ScreenFields: "fields", ScreenSettings: "settings"}
	for s, name := range want {
		if s.String() != name {
			t.Errorf("screen %d is %q, want %q", int(s), s, name)
		}
	}
	if len(want) != len(screenNames) || Screen(len(screenNames)).String() != "unknown" || Screen(-1).String() != "unknown" {
		t.Errorf("%d names for %d screens; out of range: %q %q", len(screenNames), len(want), Screen(len(screenNames)), Screen(-1))
	}
	for i, st := range wizardSteps {
		if int(st) != i+1 || st.titleKey() == "" {
			t.Errorf("wizard step %d is numbered %d, title %q", i+1, int(st), st.titleKey())
		}
	}
}
