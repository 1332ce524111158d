//go:build !windows

package netproxy

import (
	"testing"
	"time"
)

func TestShExpMatch(t *testing.T) {
	tests := []struct {
		s, pattern string
		want       bool
	}{
		{"acme.my.salesforce.com", "*.salesforce.com", true},
		{"salesforce.com", "*.salesforce.com", false},
		{"http://home.netscape.com/people/ari/index.html", "*/ari/*", true},
		{"http://home.netscape.com/people/montulli/index.html", "*/ari/*", false},
		{"proxy1", "proxy?", true},
		{"proxy12", "proxy?", false},
		{"a[b].c", "a[b].c", true},
		{"", "*", true},
		{"abc", "a*b*c*", true},
		{"abcd", "a*c", false},
	}
	for _, tt := range tests {
		if got := shExpMatch(tt.s, tt.pattern); got != tt.want {
			t.Errorf("shExpMatch(%q, %q) = %v", tt.s, tt.pattern, got)
		}
	}
}

func TestHostHelpers(t *testing.T) {
	checks := []struct {
		name string
		got  bool
		want bool
	}{
		{"isPlainHostName intranet", isPlainHostName("intranet"), true},
		{"isPlainHostName fqdn", isPlainHostName("www.corp.example"), false},
		{"dnsDomainIs", dnsDomainIs("www.Corp.example", ".corp.example"), true},
		{"dnsDomainIs other", dnsDomainIs("www.example.org", ".corp.example"), false},
		{"localHostOrDomainIs exact", localHostOrDomainIs("www.corp.example", "www.corp.example"), true},
		{"localHostOrDomainIs plain", localHostOrDomainIs("www", "www.corp.example"), true},
		{"localHostOrDomainIs other domain", localHostOrDomainIs("www.other.example", "www.corp.example"), false},
		{"localHostOrDomainIs other plain", localHostOrDomainIs("home", "www.corp.example"), false},
		{"isInNet in", isInNet("198.95.249.79", "198.95.0.0", "255.255.0.0"), true},
		{"isInNet out", isInNet("198.96.1.1", "198.95.0.0", "255.255.0.0"), false},
		{"isInNet not an IP", isInNet("", "198.95.0.0", "255.255.0.0"), false},
		{"isInNetEx v6", isInNetEx("2001:db8::1", "2001:db8::/32"), true},
		{"isInNetEx v4", isInNetEx("10.1.2.3", "10.0.0.0/8"), true},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v", c.name, c.got)
		}
	}
	if n := dnsDomainLevels("www.corp.example"); n != 2 {
		t.Errorf("dnsDomainLevels = %d", n)
	}
	if v := convertAddr("104.16.41.2"); v != 104<<24|16<<16|41<<8|2 {
		t.Errorf("convert_addr = %d", v)
	}
}

func TestDateAndTimeRanges(t *testing.T) {
	// Wednesday 2025-06-11 10:30:00 UTC.
	now := time.Date(2025, time.June, 11, 10, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"weekday MON-FRI", weekdayRange([]string{"MON", "FRI", "GMT"}, now), true},
		{"weekday SAT", weekdayRange([]string{"SAT", "GMT"}, now), false},
		{"weekday wraps FRI-MON", weekdayRange([]string{"FRI", "MON", "GMT"}, now), false},
		{"weekday wraps TUE-MON", weekdayRange([]string{"TUE", "MON", "GMT"}, now), true},
		{"weekday bad", weekdayRange([]string{"XYZ", "GMT"}, now), false},
		{"date month", dateRange([]string{"JUN", "GMT"}, now), true},
		{"date day", dateRange([]string{"11", "GMT"}, now), true},
		{"date year", dateRange([]string{"2025", "GMT"}, now), true},
		{"date months", dateRange([]string{"JAN", "MAR", "GMT"}, now), false},
		{"date months wrap", dateRange([]string{"NOV", "JUL", "GMT"}, now), true},
		{"date day month", dateRange([]string{"1", "JUN", "15", "AUG", "GMT"}, now), true},
		{"date day month out", dateRange([]string{"12", "JUN", "15", "AUG", "GMT"}, now), false},
		{"date full", dateRange([]string{"1", "JAN", "2025", "31", "DEC", "2025", "GMT"}, now), true},
		{"date shapes differ", dateRange([]string{"1", "JAN", "2026", "GMT"}, now), false},
		{"time hour", timeRange([]int{10}, true, now), true},
		{"time hours", timeRange([]int{9, 17}, true, now), true},
		{"time hours out", timeRange([]int{11, 17}, true, now), false},
		{"time minutes", timeRange([]int{10, 0, 10, 29}, true, now), false},
		{"time seconds", timeRange([]int{10, 30, 0, 10, 30, 0}, true, now), true},
		{"time wraps", timeRange([]int{22, 11}, true, now), true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v", tt.name, tt.got)
		}
	}
}
