package netproxy

import (
	"context"
	"net/url"
	"reflect"
	"runtime"
	"testing"

	"github.com/mattn/go-ieproxy"
)

// go-ieproxy's view of the setting, as it reports Windows Internet Options
// (ProxyOverride's ";" turned into ",") and macOS's network settings.
func TestTheSystemSettingIsReadFromGoIEProxy(t *testing.T) {
	tests := []struct {
		name string
		conf ieproxy.ProxyConf
		want System
	}{
		{"nothing", ieproxy.ProxyConf{}, System{}},
		{"Windows fixed proxy", ieproxy.ProxyConf{Static: ieproxy.StaticProxyConf{Active: true,
			Protocols: map[string]string{"": "proxy.corp.example:8080"}, NoProxy: "*.corp.example,<local>"}},
			System{Servers: map[string]string{"": "proxy.corp.example:8080"}, Bypass: []string{"*.corp.example", "<local>"}}},
		{"fixed proxy switched off", ieproxy.ProxyConf{Static: ieproxy.StaticProxyConf{Active: false,
			Protocols: map[string]string{"": "old:1"}}}, System{}},
		{"Windows PAC", ieproxy.ProxyConf{Automatic: ieproxy.ProxyScriptConf{Active: true,
			PreConfiguredURL: "http://proxy.corp.example/proxy.pac"}}, System{PAC: "http://proxy.corp.example/proxy.pac"}},
		{"Windows automatic detection", ieproxy.ProxyConf{Automatic: ieproxy.ProxyScriptConf{Active: true}}, System{AutoDetect: true}},
		{"macOS per scheme", ieproxy.ProxyConf{Static: ieproxy.StaticProxyConf{Active: true,
			Protocols: map[string]string{"http": "p:80", "https": "p:443"}, NoProxy: "*.local,169.254/16"}},
			System{Servers: map[string]string{"http": "p:80", "https": "p:443"}, Bypass: []string{"*.local", "169.254/16"}}},
	}
	for _, tt := range tests {
		got := systemFrom(tt.conf)
		if (got.WPAD != nil) != tt.conf.Automatic.Active {
			t.Errorf("%s: WPAD set = %v", tt.name, got.WPAD != nil)
		}
		got.WPAD = nil
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestOnLinuxTheSystemSettingIsEmpty(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the system setting of this OS is the machine's own")
	}
	n, _ := New(Settings{}, "", Options{Getenv: env(nil)})
	target, _ := url.Parse(sfURL)
	if c, err := n.Choose(context.Background(), target); err != nil || c.Source != SourceNone {
		t.Errorf("Choose = %+v, %v; want direct, nothing configured", c, err)
	}
}
