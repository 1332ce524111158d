package salesforce

import (
	"encoding/json"
	"fmt"
	"strings"
)

// keyedError is a sentinel error with a translation key.
type keyedError struct {
	msg, key string
}

func (e *keyedError) Error() string               { return e.msg }
func (e *keyedError) MessageKey() string          { return e.key }
func (e *keyedError) MessageArgs() map[string]any { return nil }

// ErrUnauthorized is returned when Salesforce rejects the access token of a REST
// or identity call (expired or revoked session): the caller refreshes the token
// once and retries.
var ErrUnauthorized error = &keyedError{
	msg: "salesforce: access token rejected (session expired or revoked)",
	key: "sf.err.unauthorized",
}

// ErrBadResponse is wrapped by errors for a 2xx answer that cannot be read: not
// the JSON Salesforce documents, missing fields, or larger than 1 MiB.
var ErrBadResponse error = &keyedError{
	msg: "salesforce: unreadable response",
	key: "sf.err.bad_response",
}

// APIError is a non-2xx REST answer other than 401, parsed from Salesforce's error
// array [{"message":"...","errorCode":"..."}].
type APIError struct {
	Status    int
	ErrorCode string // e.g. "API_DISABLED_FOR_ORG"; "" when the body was not the array
	Message   string // Salesforce's message, sanitised
}

// Error describes the failure in English for logs.
func (e *APIError) Error() string {
	if e.ErrorCode == "" {
		return fmt.Sprintf("salesforce: REST call failed with HTTP %d", e.Status)
	}
	return fmt.Sprintf("salesforce: REST call failed with HTTP %d: %s: %s",
		e.Status, sanitize(e.ErrorCode, maxCodeRunes), sanitize(e.Message, maxDescriptionRunes))
}

// MessageKey returns a specific key for the error codes an admin can fix (API
// disabled for the org or the user, API request limit) and "sf.err.api" otherwise.
func (e *APIError) MessageKey() string {
	switch e.ErrorCode {
	case "API_DISABLED_FOR_ORG":
		return "sf.err.api.disabled_org"
	case "API_CURRENTLY_DISABLED":
		return "sf.err.api.disabled_user"
	case "REQUEST_LIMIT_EXCEEDED":
		return "sf.err.api.limit"
	default:
		if e.Status >= 500 {
			return "sf.err.http.server"
		}
		return "sf.err.api"
	}
}

// MessageArgs returns the template data: Status, ErrorCode, Message.
func (e *APIError) MessageArgs() map[string]any {
	return map[string]any{
		"Status":    e.Status,
		"ErrorCode": sanitize(e.ErrorCode, maxCodeRunes),
		"Message":   sanitize(e.Message, maxDescriptionRunes),
	}
}

// parseAPIError builds the error for a non-2xx REST answer.
func parseAPIError(status int, body []byte) error {
	if status == 401 {
		return ErrUnauthorized
	}
	// The identity service answers an expired or revoked token with
	// 403 "Bad_OAuth_Token" (plain text) instead of 401.
	if status == 403 && strings.Contains(string(body), "Bad_OAuth_Token") {
		return ErrUnauthorized
	}
	var items []struct {
		Message   string `json:"message"`
		ErrorCode string `json:"errorCode"`
	}
	e := &APIError{Status: status}
	if json.Unmarshal(body, &items) == nil && len(items) > 0 {
		e.ErrorCode = sanitize(items[0].ErrorCode, maxCodeRunes)
		e.Message = sanitize(items[0].Message, maxDescriptionRunes)
	}
	return e
}
