package ui

// Screen names a screen of the window. Its String is the name the trace
// prints (Options.Trace: "screen home"), which scripts/wine-steps.sh waits
// for, so the names never change.
type Screen int

// The screens, in the order the wizard visits them; Home and Settings are
// outside it.
const (
	ScreenHome Screen = iota
	ScreenPrepare
	ScreenCredentials
	ScreenAuthorize
	ScreenResult
	ScreenFields
	ScreenSettings
)

var screenNames = [...]string{
	ScreenHome:        "home",
	ScreenPrepare:     "prepare",
	ScreenCredentials: "credentials",
	ScreenAuthorize:   "authorize",
	ScreenResult:      "result",
	ScreenFields:      "fields",
	ScreenSettings:    "settings",
}

// String is the screen's name in the trace ("home", "prepare", ...).
func (s Screen) String() string {
	if s < 0 || int(s) >= len(screenNames) {
		return "unknown"
	}
	return screenNames[s]
}

// wizardStep is a step of a new connection as the step indicator numbers
// it (1 Prepare ... 5 Save). Screens shown outside the wizard (Home,
// Settings, a saved connection's verify result or fields) have noStep and
// no indicator.
type wizardStep int

const (
	noStep wizardStep = iota
	stepPrepare
	stepCredentials
	stepAuthorize
	stepResult
	stepSave
)

// wizardSteps is the indicator's row, in order.
var wizardSteps = []wizardStep{stepPrepare, stepCredentials, stepAuthorize, stepResult, stepSave}

// titleKey is the step's name in the indicator.
func (s wizardStep) titleKey() string {
	switch s {
	case stepPrepare:
		return "ui.step.prepare"
	case stepCredentials:
		return "ui.step.credentials"
	case stepAuthorize:
		return "ui.step.authorize"
	case stepResult:
		return "ui.step.result"
	case stepSave:
		return "ui.step.save"
	}
	return ""
}
