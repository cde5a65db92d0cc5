package classroom

import (
	"net"
	"testing"
)

// TestAddresses: the laptop's IPv4 addresses, private ones before public ones and loopback last, each with its
// interface; the remembered address is picked while the laptop has it, else the first.
func TestAddresses(t *testing.T) {
	list := Addresses()
	if len(list) == 0 {
		t.Fatal("no address listed")
	}
	rank := func(ip net.IP) int {
		switch {
		case ip.IsLoopback():
			return 2
		case ip.IsPrivate():
			return 0
		}
		return 1
	}
	loopback := false
	for i, a := range list {
		ip := net.ParseIP(a.IP)
		if ip == nil || ip.To4() == nil || a.Interface == "" || a.Label() != a.IP+" ("+a.Interface+")" {
			t.Errorf("address %d = %+v, want an IPv4 address with its interface", i, a)
			continue
		}
		if i > 0 && rank(ip) < rank(net.ParseIP(list[i-1].IP)) {
			t.Errorf("%s listed after %s", a.IP, list[i-1].IP)
		}
		loopback = loopback || ip.IsLoopback()
	}
	if !loopback {
		t.Errorf("loopback missing from %v", list)
	}
	if got := PickAddress(" 127.0.0.1 "); got != "127.0.0.1" {
		t.Errorf("PickAddress(remembered loopback) = %s", got)
	}
	if got := PickAddress("203.0.113.9"); got != list[0].IP {
		t.Errorf("PickAddress(an address the laptop no longer has) = %s, want the first, %s", got, list[0].IP)
	}
}
