package i18n

import "testing"

func TestMatchReadsPOSIXLocalesAndBCP47Tags(t *testing.T) {
	for in, want := range map[string]string{
		"ja_JP.eucJP": Japanese, "ja_JP@euro": Japanese, "ja-Jpan-JP": Japanese, " JA ": Japanese,
		"ja-JP-u-ca-japanese": Japanese, // macOS with the Japanese calendar
		"en-JP":               English,  // English, as used in Japan
		"zh-Hant-TW":          English, "fr_FR.UTF-8": English, "C": English, "POSIX": English,
		"jav": English, "ja_": English, "@": English,
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

// Where no locale variable says anything (Windows, macOS), the system's
// own setting decides; a variable that does say something wins over it.
func TestSystemLanguageFallsBackToTheOSLocale(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	ja := func() string { return "ja-JP" }
	tests := []struct {
		name string
		env  map[string]string
		os   func() string
		want string
	}{
		{"nothing set, Japanese Windows", nil, ja, Japanese},
		{"LANG=C, Japanese macOS", map[string]string{"LANG": "C"}, ja, Japanese},
		{"LANG wins over the OS", map[string]string{"LANG": "en_US.UTF-8"}, ja, English},
		{"SFCONNECT_LANG wins over the OS", map[string]string{"SFCONNECT_LANG": "en"}, ja, English},
		{"nothing set, no OS reader", nil, nil, English},
		{"nothing set, English OS", nil, func() string { return "en-US" }, English},
	}
	for _, tt := range tests {
		if got := SystemLanguage(env(tt.env), tt.os); got != tt.want {
			t.Errorf("%s: SystemLanguage = %q, want %q", tt.name, got, tt.want)
		}
	}
}
