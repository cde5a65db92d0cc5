package classroom

import (
	"net"
	"sort"
	"strings"
)

// Setting keys of the address and port chosen last, remembered for the next class.
const (
	AddressSetting = "classroom.address"
	PortSetting    = "classroom.port"
)

// Address is one IPv4 address of the laptop that phones could reach.
type Address struct {
	IP        string
	Interface string // the interface's name, as the system calls it ("Wi-Fi", "wlan0", "Local Area Connection* 2")
}

// Label is the address with its interface: "192.168.137.1 (Local Area Connection* 2)".
func (a Address) Label() string { return a.IP + " (" + a.Interface + ")" }

// Addresses lists the laptop's IPv4 addresses on interfaces that are up, private ones first (a hotspot's
// 192.168.137.1, a pocket router's 192.168.x.y), loopback last: it only serves the laptop itself, for a test.
func Addresses() []Address {
	ifs, err := net.Interfaces()
	if err != nil {
		return []Address{{IP: "127.0.0.1", Interface: "loopback"}}
	}
	var out []Address
	for _, in := range ifs {
		if in.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := in.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.To4() == nil || n.IP.IsLinkLocalUnicast() {
				continue
			}
			out = append(out, Address{IP: n.IP.To4().String(), Interface: in.Name})
		}
	}
	rank := func(a Address) int {
		ip := net.ParseIP(a.IP)
		switch {
		case ip.IsLoopback():
			return 2
		case ip.IsPrivate():
			return 0
		}
		return 1
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	if len(out) == 0 {
		out = append(out, Address{IP: "127.0.0.1", Interface: "loopback"})
	}
	return out
}

// PickAddress returns the remembered address when the laptop still has it, otherwise the first of Addresses.
func PickAddress(remembered string) string {
	list := Addresses()
	for _, a := range list {
		if a.IP == strings.TrimSpace(remembered) {
			return a.IP
		}
	}
	return list[0].IP
}
