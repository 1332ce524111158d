//go:build !windows

package netproxy

import (
	"context"
	"errors"
	"net"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// A PAC script is JavaScript, run on Linux and macOS by
// github.com/dop251/goja (pure Go, no cgo, maintained, ECMAScript 5.1 and
// most of ES6). The runtime is made only when a PAC file is actually used:
// nothing of it runs at start-up. A script that loops is stopped after
// pacRunTimeout (pac.go); each DNS helper call waits at most pacDNSTimeout.
const pacDNSTimeout = 3 * time.Second

// errNoFunction means the script defines no FindProxyForURL.
var errNoFunction = errors.New("the script defines no FindProxyForURL function")

// pacScript is one compiled PAC file. A goja runtime is not safe for
// concurrent use, so calls take turns.
type pacScript struct {
	mu     sync.Mutex
	vm     *goja.Runtime
	fn     goja.Callable
	lookup func(ctx context.Context, host string) ([]string, error)
	ctx    context.Context // the running call's, for the DNS helpers
	now    func() time.Time
}

// compilePAC runs the script's top level and finds its entry point:
// FindProxyForURLEx (Microsoft's IPv6-aware variant, preferred by Windows
// when present) or FindProxyForURL.
func compilePAC(src string, lookup func(ctx context.Context, host string) ([]string, error)) (*pacScript, error) {
	p := &pacScript{vm: goja.New(), lookup: lookup, ctx: context.Background(), now: time.Now}
	p.install()
	if _, err := p.run(func() (goja.Value, error) { return p.vm.RunString(src) }); err != nil {
		return nil, err
	}
	for _, name := range []string{"FindProxyForURLEx", "FindProxyForURL"} {
		if fn, ok := goja.AssertFunction(p.vm.Get(name)); ok {
			p.fn = fn
			return p, nil
		}
	}
	return nil, errNoFunction
}

// FindProxyForURL calls the script for one URL and returns its answer; an
// undefined or null answer is "".
func (p *pacScript) FindProxyForURL(ctx context.Context, rawURL, host string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ctx = ctx
	defer func() { p.ctx = context.Background() }()
	v, err := p.run(func() (goja.Value, error) {
		return p.fn(goja.Undefined(), p.vm.ToValue(rawURL), p.vm.ToValue(host))
	})
	if err != nil {
		return "", err
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return "", nil
	}
	return v.String(), nil
}

// run calls f with the runaway-script timer armed.
func (p *pacScript) run(f func() (goja.Value, error)) (goja.Value, error) {
	timer := time.AfterFunc(pacRunTimeout, func() { p.vm.Interrupt("the script ran too long") })
	v, err := f()
	timer.Stop()
	p.vm.ClearInterrupt()
	return v, err
}

// resolve looks host up with a short timeout; nil when it does not resolve.
func (p *pacScript) resolve(host string) []string {
	ctx, cancel := context.WithTimeout(p.ctx, pacDNSTimeout)
	defer cancel()
	addrs, err := p.lookup(ctx, host)
	if err != nil {
		return nil
	}
	return addrs
}

// install defines the helper functions PAC scripts may call.
func (p *pacScript) install() {
	vm := p.vm
	set := func(name string, f any) { _ = vm.Set(name, f) }
	set("isPlainHostName", isPlainHostName)
	set("dnsDomainIs", dnsDomainIs)
	set("localHostOrDomainIs", localHostOrDomainIs)
	set("dnsDomainLevels", dnsDomainLevels)
	set("shExpMatch", shExpMatch)
	set("convert_addr", convertAddr)
	set("isInNetEx", isInNetEx)
	set("alert", func(string) {})
	set("isResolvable", func(host string) bool { return firstIPv4(p.resolve(host)) != "" })
	set("isResolvableEx", func(host string) bool { return len(p.resolve(host)) > 0 })
	set("dnsResolve", func(host string) goja.Value {
		if ip := firstIPv4(p.resolve(host)); ip != "" {
			return vm.ToValue(ip)
		}
		return goja.Null()
	})
	set("dnsResolveEx", func(host string) string { return strings.Join(p.resolve(host), ";") })
	set("isInNet", func(host, pattern, mask string) bool {
		ip := host
		if !isIP(host) {
			ip = firstIPv4(p.resolve(host))
		}
		return isInNet(ip, pattern, mask)
	})
	set("myIpAddress", func() string {
		if ip := firstIPv4(localAddrs()); ip != "" {
			return ip
		}
		return "127.0.0.1"
	})
	set("myIpAddressEx", func() string { return strings.Join(localAddrs(), ";") })
	set("sortIpAddressList", func(list string) string {
		ips := strings.Split(list, ";")
		sort.Strings(ips)
		return strings.Join(ips, ";")
	})
	set("weekdayRange", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(weekdayRange(stringArgs(c), p.now()))
	})
	set("dateRange", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(dateRange(stringArgs(c), p.now()))
	})
	set("timeRange", func(c goja.FunctionCall) goja.Value {
		args := stringArgs(c)
		args, gmt := trimGMT(args)
		nums := make([]int, 0, len(args))
		for _, a := range args {
			v, ok := atoi(a)
			if !ok {
				return vm.ToValue(false)
			}
			nums = append(nums, v)
		}
		return vm.ToValue(timeRange(nums, gmt, p.now()))
	})
}

func stringArgs(c goja.FunctionCall) []string {
	out := make([]string, len(c.Arguments))
	for i, a := range c.Arguments {
		out[i] = a.String()
	}
	return out
}

func trimGMT(args []string) ([]string, bool) {
	if n := len(args); n > 0 && strings.EqualFold(args[n-1], "GMT") {
		return args[:n-1], true
	}
	return args, false
}

func isIP(s string) bool { return net.ParseIP(s) != nil }
