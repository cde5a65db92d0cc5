package cli

import (
	"fmt"
	"net"
	"strconv"
	"sync"

	"github.com/pembina/pembina/app/classroom"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// runServe runs Mode Kelas until c.ctx ends, as Ctrl+C ends it (interruptible): it prints the address participants open and
// every check-in code as it changes.
func runServe(c *cli, args []string) error {
	o := newOptions("serve")
	code := o.program()
	session := o.session(false)
	addr := o.String("addr", "", "")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	if *addr == "" {
		ip, _ := c.store.Setting(c.ctx, classroom.AddressSetting, "")
		port, _ := c.store.Setting(c.ctx, classroom.PortSetting, strconv.Itoa(classroom.DefaultPort))
		*addr = net.JoinHostPort(classroom.PickAddress(ip), port)
	} else if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usagef("--addr harus ALAMAT:PORT, misalnya 192.168.137.1:%d", classroom.DefaultPort)
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	var x *data.Session
	if *session > 0 {
		if x, err = c.store.SessionByNumber(c.ctx, p.ID, *session); err != nil {
			return err
		}
	} else {
		list, err := c.store.Sessions(c.ctx, p.ID)
		if err != nil {
			return err
		}
		x = classroom.SessionNow(list, c.now())
	}
	var out sync.Mutex
	say := func(format string, args ...any) {
		out.Lock()
		defer out.Unlock()
		fmt.Fprintf(c.stdout, format+"\n", args...)
	}
	cfg := classroom.Config{Store: c.store, ProgramID: p.ID, Addr: *addr, Now: c.now,
		OnCode: func(code string) { say("%s  kode presensi: %s", c.now().Format("15:04:05"), code) }}
	if x != nil {
		cfg.SessionID = x.ID
	}
	srv, err := classroom.New(c.ctx, cfg)
	if err != nil {
		return err
	}
	if x != nil {
		say("Mode Kelas %s %s, sesi %d (%s, %s)", p.Code, p.Title, x.Number, indo.Date(x.Date), x.TimeLabel())
	} else {
		say("Mode Kelas %s %s: tidak ada sesi yang berlangsung hari ini, jadi hanya evaluasi (tanpa presensi); pakai --session N untuk presensi", p.Code, p.Title)
	}
	if err := srv.Start(); err != nil {
		return err
	}
	say("Buka di ponsel peserta: %s", srv.URL())
	say("Tekan Ctrl+C untuk berhenti.")
	<-c.ctx.Done() // Ctrl+C (interruptible)
	err = srv.Close()
	say("Mode Kelas berhenti.")
	return err
}
