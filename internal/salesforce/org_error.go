package salesforce

import "fmt"

// Reasons an org entry is rejected (OrgError.Reason).
const (
	ReasonEmpty            = "empty"
	ReasonTooLong          = "too_long"
	ReasonInvalidURL       = "invalid_url"
	ReasonInvalidChars     = "invalid_chars"
	ReasonInvalidName      = "invalid_name"
	ReasonInvalidSandbox   = "invalid_sandbox"
	ReasonGenericLoginHost = "generic_login_host"
	ReasonNotMyDomain      = "not_my_domain"
	ReasonLegacySite       = "legacy_site"
	ReasonGovCloudPlus     = "gov_cloud_plus"
	ReasonChina            = "china"
	ReasonNotSalesforce    = "not_salesforce"
)

// OrgError says why an org entry was not understood and what was expected.
type OrgError struct {
	Reason string // one of the Reason constants
	Host   string // the host that was read, when the reason is about a host
	Name   string // the My Domain label that broke a naming rule
	Char   string // the first character that is not allowed
}

// Error describes the rejection in English for logs.
func (e *OrgError) Error() string {
	msg := "salesforce: org not understood: " + e.Reason
	switch {
	case e.Host != "":
		msg += fmt.Sprintf(" (host %q)", e.Host)
	case e.Name != "":
		msg += fmt.Sprintf(" (name %q)", e.Name)
	case e.Char != "":
		msg += fmt.Sprintf(" (character %q)", e.Char)
	}
	return msg
}

// MessageKey returns the translation key explaining the rejection.
func (e *OrgError) MessageKey() string {
	switch e.Reason {
	case ReasonEmpty:
		return "sf.org.empty"
	case ReasonTooLong:
		return "sf.org.too_long"
	case ReasonInvalidURL:
		return "sf.org.invalid_url"
	case ReasonInvalidChars:
		return "sf.org.invalid_chars"
	case ReasonInvalidName:
		return "sf.org.invalid_name"
	case ReasonInvalidSandbox:
		return "sf.org.invalid_sandbox"
	case ReasonGenericLoginHost:
		return "sf.org.generic_login_host"
	case ReasonNotMyDomain:
		return "sf.org.not_my_domain"
	case ReasonLegacySite:
		return "sf.org.legacy_site"
	case ReasonGovCloudPlus:
		return "sf.org.gov_cloud_plus"
	case ReasonChina:
		return "sf.org.china"
	default:
		return "sf.org.not_salesforce"
	}
}

// MessageArgs returns the template data: Example (the expected shape), Max (the
// name length limit), and Host, Name or Char when known.
func (e *OrgError) MessageArgs() map[string]any {
	return map[string]any{
		"Example": OrgExample,
		"Max":     maxNameLen,
		"Host":    e.Host,
		"Name":    e.Name,
		"Char":    e.Char,
	}
}
