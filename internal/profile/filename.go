package profile

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// fileName maps a profile name to the base name of its file in the store.
//
// Rules, so that the mapping is safe on Windows, macOS and Linux alike:
//   - Names are folded to lower case first, so "Acme" and "acme" map to the
//     same file everywhere (NTFS and APFS compare names ignoring case; we
//     make Linux behave the same rather than allow two profiles that cannot
//     coexist on the admins' machines). The real name is stored inside the
//     file and compared exactly on Load.
//   - Only [a-z0-9_-] are kept; every other run of characters becomes "_"
//     and the prefix is cut to 40 bytes. The result is pure ASCII, so
//     Unicode normalisation (APFS) and case tables cannot alias two files.
//   - When anything was replaced or cut, or the prefix is a Windows device
//     name (CON, NUL, COM1...), "~" and 12 hex digits of the SHA-256 of the
//     folded name are appended; "~" never occurs in an unchanged name, so
//     the two forms cannot collide.
//   - Files start with a letter, digit or "_", never ".", so temporary files
//     (".name.json.tmp-*") are never listed.
func fileName(name string) string {
	folded := strings.ToLower(name)
	var b strings.Builder
	lossy := false
	lastUnderscore := false
	for _, r := range folded {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' || r == '-' {
			b.WriteRune(r)
			lastUnderscore = false
			continue
		}
		lossy = true
		if !lastUnderscore {
			b.WriteByte('_')
			lastUnderscore = true
		}
	}
	base := b.String()
	if len(base) > 40 {
		base, lossy = base[:40], true
	}
	if base == "" {
		base, lossy = "_", true
	}
	if lossy || windowsReserved(base) {
		sum := sha256.Sum256([]byte(folded))
		base += "~" + hex.EncodeToString(sum[:6])
	}
	return base + ".json"
}

// windowsReserved reports device names Windows refuses as file names, with
// or without an extension.
func windowsReserved(base string) bool {
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}
