//go:build !windows

package netproxy

import (
	"net"
	"strings"
	"time"
)

// The PAC helper functions, in plain Go so they are tested without a
// JavaScript engine. Their meaning follows the Netscape specification as
// MDN documents it ("Proxy Auto-Configuration (PAC) file").

// isPlainHostName: the host has no domain part.
func isPlainHostName(host string) bool { return !strings.Contains(host, ".") }

// dnsDomainIs: the host ends with domain (".corp.example"), ignoring case.
func dnsDomainIs(host, domain string) bool {
	return strings.HasSuffix(strings.ToLower(host), strings.ToLower(domain))
}

// localHostOrDomainIs: the host is hostdom exactly, or the plain-name part
// of it ("www" for "www.corp.example").
func localHostOrDomainIs(host, hostdom string) bool {
	host, hostdom = strings.ToLower(host), strings.ToLower(hostdom)
	if host == hostdom {
		return true
	}
	return !strings.Contains(host, ".") && strings.HasPrefix(hostdom, host+".")
}

// dnsDomainLevels: the number of dots in host.
func dnsDomainLevels(host string) int { return strings.Count(host, ".") }

// shExpMatch matches s against a shell expression where * is any run of
// characters and ? one character; everything else is literal.
func shExpMatch(s, pattern string) bool {
	// Iterative wildcard matching with back-tracking to the last '*'.
	si, pi, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(pattern) && (pattern[pi] == '?' || pattern[pi] == s[si]):
			si++
			pi++
		case pi < len(pattern) && pattern[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(pattern) && pattern[pi] == '*' {
		pi++
	}
	return pi == len(pattern)
}

// isInNet: the IPv4 address ip, masked with mask, equals pattern masked.
func isInNet(ip, pattern, mask string) bool {
	a, p, m := net.ParseIP(ip).To4(), net.ParseIP(pattern).To4(), net.ParseIP(mask).To4()
	if a == nil || p == nil || m == nil {
		return false
	}
	for i := range a {
		if a[i]&m[i] != p[i]&m[i] {
			return false
		}
	}
	return true
}

// isInNetEx (Microsoft's IPv6 extension): ip lies in the prefix "a/n".
func isInNetEx(ip, prefix string) bool {
	a := net.ParseIP(ip)
	_, n, err := net.ParseCIDR(prefix)
	return a != nil && err == nil && n.Contains(a)
}

// convertAddr: the IPv4 address as a 32-bit number.
func convertAddr(ip string) uint32 {
	a := net.ParseIP(ip).To4()
	if a == nil {
		return 0
	}
	return uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
}

// firstIPv4 returns the first IPv4 address of addrs, or "".
func firstIPv4(addrs []string) string {
	for _, a := range addrs {
		if ip := net.ParseIP(a); ip != nil && ip.To4() != nil {
			return ip.String()
		}
	}
	return ""
}

// localAddrs lists this machine's addresses on interfaces that are up,
// loopback excluded; myIpAddress answers with the first IPv4 one. Asking
// the interfaces sends nothing on the network.
func localAddrs() []string {
	var out []string
	ifs, _ := net.Interfaces()
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := i.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLinkLocalUnicast() {
				out = append(out, n.IP.String())
			}
		}
	}
	return out
}

var weekdays = []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}
var months = []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == strings.ToUpper(s) {
			return i
		}
	}
	return -1
}

// clockFor applies the optional trailing "GMT" argument: args without it,
// and now in UTC or local time.
func clockFor(args []string, now time.Time) ([]string, time.Time) {
	if n := len(args); n > 0 && strings.EqualFold(args[n-1], "GMT") {
		return args[:n-1], now.UTC()
	}
	return args, now.Local()
}

// inRange: lo <= v <= hi, wrapping around when lo > hi ("FRI", "MON").
func inRange(v, lo, hi int) bool {
	if lo <= hi {
		return lo <= v && v <= hi
	}
	return v >= lo || v <= hi
}

// weekdayRange(wd1[, wd2][, "GMT"]).
func weekdayRange(args []string, now time.Time) bool {
	args, now = clockFor(args, now)
	if len(args) == 0 || len(args) > 2 {
		return false
	}
	lo := indexOf(weekdays, args[0])
	hi := lo
	if len(args) == 2 {
		hi = indexOf(weekdays, args[1])
	}
	return lo >= 0 && hi >= 0 && inRange(int(now.Weekday()), lo, hi)
}

// timeRange(h1[, m1[, s1]], h2[, m2[, s2]][, "GMT"]), or timeRange(h): the
// current time, in seconds of the day, lies between the two bounds; the
// end is inclusive at the precision given (timeRange(9, 17) ends 17:59:59).
func timeRange(args []int, gmt bool, now time.Time) bool {
	if gmt {
		now = now.UTC()
	} else {
		now = now.Local()
	}
	sec := now.Hour()*3600 + now.Minute()*60 + now.Second()
	switch len(args) {
	case 1:
		return now.Hour() == args[0]
	case 2:
		return inRange(sec, args[0]*3600, args[1]*3600+3599)
	case 4:
		return inRange(sec, args[0]*3600+args[1]*60, args[2]*3600+args[3]*60+59)
	case 6:
		return inRange(sec, args[0]*3600+args[1]*60+args[2], args[3]*3600+args[4]*60+args[5])
	}
	return false
}

// dateRange(...[, "GMT"]) takes one bound, or two bounds of the same shape,
// each made of a day (1-31), a month name and/or a four-digit year, e.g.
// dateRange("JAN", "MAR"), dateRange(1, "JUN", 15, "AUG"),
// dateRange(1995, 1997).
func dateRange(args []string, now time.Time) bool {
	args, now = clockFor(args, now)
	n := len(args)
	if n == 0 || n > 6 || (n > 1 && n%2 != 0) {
		return false
	}
	half := n
	if n > 1 {
		half = n / 2
	}
	lo, shapeLo := dateKey(args[:half], now)
	hi, shapeHi := lo, shapeLo
	if n > 1 {
		hi, shapeHi = dateKey(args[half:], now)
	}
	if shapeLo == "" || shapeLo != shapeHi {
		return false
	}
	v := nowKey(shapeLo, now)
	if n == 1 {
		return v == lo
	}
	return inRange(v, lo, hi)
}

// dateKey turns one bound into a comparable number and its shape, a
// string of the parts it has in order of weight: "y", "m", "d".
func dateKey(parts []string, now time.Time) (int, string) {
	year, month, day := -1, -1, -1
	for _, p := range parts {
		if m := indexOf(months, p); m >= 0 && month < 0 {
			month = m
			continue
		}
		v, ok := atoi(p)
		switch {
		case ok && v >= 1000 && year < 0:
			year = v
		case ok && v >= 1 && v <= 31 && day < 0:
			day = v
		default:
			return 0, ""
		}
	}
	shape := ""
	key := 0
	if year >= 0 {
		shape, key = shape+"y", year
	}
	if month >= 0 {
		shape, key = shape+"m", key*12+month
	}
	if day >= 0 {
		shape, key = shape+"d", key*32+day
	}
	return key, shape
}

// nowKey projects now onto a shape made by dateKey.
func nowKey(shape string, now time.Time) int {
	key := 0
	if strings.Contains(shape, "y") {
		key = now.Year()
	}
	if strings.Contains(shape, "m") {
		key = key*12 + int(now.Month()) - 1
	}
	if strings.Contains(shape, "d") {
		key = key*32 + now.Day()
	}
	return key
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	v := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		v = v*10 + int(r-'0')
	}
	return v, true
}
