package sfsim

import (
	"fmt"
	"strconv"
	"strings"
)

// soqlQuery is the subset of SOQL the simulator understands:
// SELECT f1, f2 FROM Object [LIMIT n].
type soqlQuery struct {
	fields []string
	object string
	limit  int // -1 when absent
}

// restError is a REST API failure: errorCode and message, as Salesforce sends.
type restError struct{ code, message string }

// parseSOQL parses q or returns a MALFORMED_QUERY error naming the offending
// token. Keywords are case-insensitive, like SOQL.
func parseSOQL(q string) (soqlQuery, *restError) {
	toks := tokenizeSOQL(q)
	out := soqlQuery{limit: -1}
	malformed := func(at int) *restError {
		if at >= len(toks) {
			return &restError{"MALFORMED_QUERY", "unexpected end of query"}
		}
		return &restError{"MALFORMED_QUERY", fmt.Sprintf("unexpected token: '%s'", toks[at])}
	}
	i := 0
	if i >= len(toks) || !strings.EqualFold(toks[i], "SELECT") {
		return out, malformed(i)
	}
	i++
	for {
		if i >= len(toks) || !isIdent(toks[i]) || strings.EqualFold(toks[i], "FROM") {
			return out, malformed(i)
		}
		out.fields = append(out.fields, toks[i])
		i++
		if i < len(toks) && toks[i] == "," {
			i++
			continue
		}
		break
	}
	if i >= len(toks) || !strings.EqualFold(toks[i], "FROM") {
		return out, malformed(i)
	}
	i++
	if i >= len(toks) || !isIdent(toks[i]) {
		return out, malformed(i)
	}
	out.object = toks[i]
	i++
	if i < len(toks) && strings.EqualFold(toks[i], "LIMIT") {
		i++
		if i >= len(toks) {
			return out, malformed(i)
		}
		n, err := strconv.Atoi(toks[i])
		if err != nil || n < 0 {
			return out, malformed(i)
		}
		out.limit = n
		i++
	}
	if i < len(toks) {
		return out, malformed(i)
	}
	return out, nil
}

// tokenizeSOQL splits on white space and makes commas tokens of their own.
func tokenizeSOQL(q string) []string {
	return strings.Fields(strings.ReplaceAll(q, ",", " , "))
}

// isIdent reports whether t is a SOQL identifier (letters, digits, "_", ".").
func isIdent(t string) bool {
	if t == "" || !(t[0] >= 'A' && t[0] <= 'Z' || t[0] >= 'a' && t[0] <= 'z') {
		return false
	}
	for _, c := range []byte(t) {
		ok := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}
