package callback

import (
	"bufio"
	"bytes"
	"strconv"
)

// PortRange is a range of TCP ports that Windows keeps from applications
// ("excluded port ranges": Hyper-V, WSL, Docker and administrators reserve
// them). Binding a port inside one fails with WSAEACCES even though no
// program listens there.
type PortRange struct {
	Start, End   int
	Administered bool // marked "*": set by an administrator (netsh add excludedportrange)
}

// Contains reports whether port lies in the range.
func (r PortRange) Contains(port int) bool { return r.Start <= port && port <= r.End }

// ParseExcludedPorts reads the output of
// `netsh interface ipv4 show excludedportrange protocol=tcp` in any display
// language and either encoding: the rows are the only lines made of two
// numbers (and an optional "*"), and those are ASCII even in the console's
// Shift_JIS (code page 932) that Japanese Windows writes to a pipe.
func ParseExcludedPorts(out []byte) []PortRange {
	var ranges []PortRange
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) < 2 || len(f) > 3 || (len(f) == 3 && string(f[2]) != "*") {
			continue
		}
		start, err1 := strconv.Atoi(string(f[0]))
		end, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || start < 1 || end > 65535 || start > end {
			continue
		}
		ranges = append(ranges, PortRange{Start: start, End: end, Administered: len(f) == 3})
	}
	return ranges
}

// ExcludedRange returns the range holding port, if any.
func ExcludedRange(ranges []PortRange, port int) (PortRange, bool) {
	for _, r := range ranges {
		if r.Contains(port) {
			return r, true
		}
	}
	return PortRange{}, false
}

// FreePortSuggestion returns the first port from SuggestedPort upwards that
// no range excludes, for the callback URL a port error recommends.
func FreePortSuggestion(ranges []PortRange, avoid int) int {
	for p := SuggestedPort; p < 65535; p++ {
		if _, ex := ExcludedRange(ranges, p); !ex && p != avoid {
			return p
		}
	}
	return SuggestedPort
}
