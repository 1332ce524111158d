package app

import (
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/safetext"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/seal"
)

// The core's types and values a screen needs, named here so that a UI
// imports this package only (docs/ARCHITECTURE.md, "Layers";
// scripts/check-core-deps.sh enforces it). They are aliases: the same
// types as in the leaf packages, not copies.
type (
	// Profile is a saved connection (profile.Profile).
	Profile = profile.Profile
	// Secrets are a connection's keychain values (profile.Secrets).
	Secrets = profile.Secrets
	// Org is an org read from what the admin typed (salesforce.Org).
	Org = salesforce.Org
	// NetworkSettings are the proxy, PAC, proxy user and CA file
	// settings (netproxy.Settings).
	NetworkSettings = netproxy.Settings
	// SealLock protects an export: a passphrase or age recipients (seal.Lock).
	SealLock = seal.Lock
	// SealKey opens a sealed file: a passphrase or age identities (seal.Key).
	SealKey = seal.Key
	// SealNeeds says what opening a file takes (seal.Needs).
	SealNeeds = seal.Needs
	// PassphraseStrength rates a passphrase as it is typed (seal.Strength).
	PassphraseStrength = seal.Strength
)

// What opening a file takes (seal.Needs).
const (
	NeedsNothing    = seal.NeedsNothing
	NeedsPassphrase = seal.NeedsPassphrase
	NeedsKey        = seal.NeedsKey
)

// Passphrase ratings, weakest first (seal.Strength).
const (
	PassphraseTooShort = seal.TooShort
	PassphraseWeak     = seal.Weak
	PassphraseFair     = seal.Fair
	PassphraseStrong   = seal.Strong
)

// MaxImportSize is the largest export file an import reads (profile.MaxImportSize).
const MaxImportSize = profile.MaxImportSize

// ErrWrongPassphrase means the passphrase does not open the file (seal.ErrWrongPassphrase).
var ErrWrongPassphrase = seal.ErrWrongPassphrase

// RatePassphrase rates a passphrase for the hint beside it (seal.Rate).
func RatePassphrase(p string) PassphraseStrength { return seal.Rate(p) }

// CheckPassphrase says why a passphrase would be refused, or nil (seal.CheckPassphrase).
func CheckPassphrase(p string) error { return seal.CheckPassphrase(p) }

// GeneratePassphrase makes a strong passphrase (seal.GeneratePassphrase).
func GeneratePassphrase() string { return seal.GeneratePassphrase() }

// SafeLine makes outside text (a value from Salesforce's answer, a file)
// safe to show on one line: control and format characters become escapes
// (safetext.Line).
func SafeLine(s string) string { return safetext.Line(s) }

// CheckNetwork says whether settings can be put in force (a readable
// proxy URL, PAC URL, CA file), without changing the network in force.
func CheckNetwork(set NetworkSettings) error {
	_, err := netproxy.New(set, "", netproxy.Options{})
	return err
}
