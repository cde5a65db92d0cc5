package classroom

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits of failed check-ins (a wrong code or an unknown NIP) from one client: past MaxFailures within
// FailureWindow the client is refused until the window has passed. A participant who mistypes twice is not
// troubled; a phone trying all 9,000 codes is stopped after a handful.
const (
	MaxFailures   = 8
	FailureWindow = 5 * time.Minute
)

// limiter counts failed check-ins per client address.
type limiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

func newLimiter() *limiter { return &limiter{failures: map[string][]time.Time{}} }

// clientOf is the client's IP address (without port): phones on the classroom network each have their own.
func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// recent drops failures older than the window and returns those left.
func (l *limiter) recent(client string, now time.Time) []time.Time {
	list := l.failures[client]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= FailureWindow {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(l.failures, client)
	} else {
		l.failures[client] = list
	}
	return list
}

// blocked reports whether the client has failed too often, and until when.
func (l *limiter) blocked(client string, now time.Time) (bool, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	list := l.recent(client, now)
	if len(list) < MaxFailures {
		return false, time.Time{}
	}
	return true, list[len(list)-MaxFailures].Add(FailureWindow)
}

// fail counts one failure.
func (l *limiter) fail(client string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failures[client] = append(l.recent(client, now), now)
}
