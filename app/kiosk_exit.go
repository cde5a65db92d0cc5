package app

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// kioskPINSetting is the setting holding the kiosk's exit PIN, hashed: a participant at the kiosk cannot
// leave it for the coordinator's window without the PIN. With no PIN set, leaving only asks for a
// confirmation and says that a PIN can be set: a coordinator who never set one must still be able to get out,
// and the kiosk started from the window is usually watched over anyway. A laptop left at the door
// (`pembina kiosk`) warns on start when no PIN is set.
const kioskPINSetting = "kiosk_pin"

// kioskMaxTries wrong PINs in a row lock the exit for kioskLockTime, so that guessing a 4-digit PIN at the
// kiosk takes days.
const (
	kioskMaxTries = 3
	kioskLockTime = 30 * time.Second
)

// kioskPINHash is what is stored for a PIN: its SHA-256, so that the PIN does not show in a copy of the
// database as it was typed.
func kioskPINHash(pin string) string {
	sum := sha256.Sum256([]byte("pembina-kiosk-pin:" + pin))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// validKioskPIN checks a new PIN: 4 to 12 digits, easy to type on any keyboard.
func validKioskPIN(pin string) error {
	if len(pin) < 4 || len(pin) > 12 || strings.Trim(pin, "0123456789") != "" {
		return data.Errorf(data.KindInvalid, "%s", L("PIN kios terdiri atas 4 sampai 12 angka."))
	}
	return nil
}

// askExit is Keluar, Esc and the window's close button: with a PIN set it asks for it, without one it asks
// for a confirmation that says a PIN can be set.
func (k *kiosk) askExit() {
	stored, err := k.u.store.Setting(context.Background(), kioskPINSetting, "")
	if err != nil {
		k.showError(err)
		return
	}
	if stored == "" {
		msg := L("Jawaban yang belum dikirim akan hilang.") + "\n\n" +
			L("Belum ada PIN kios, jadi siapa pun dapat keluar. Koordinator dapat mengatur PIN di Pengaturan > Mode kios.")
		dialog.ShowConfirm(L("Keluar dari mode kios?"), msg, func(ok bool) {
			if ok {
				k.close()
			}
		}, k.win)
		return
	}
	pin := newKeyEntry()
	pin.Password = true
	pin.SetPlaceHolder(L("PIN koordinator"))
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	intro := widget.NewLabel(L("Hanya koordinator yang dapat keluar dari mode kios. Masukkan PIN kios."))
	intro.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	try := func() {
		if wait := time.Until(k.exitLocked); wait > 0 {
			problem.SetText(fmt.Sprintf(L("Terlalu banyak PIN salah. Coba lagi dalam %d detik."), int(wait.Seconds())+1))
			problem.Show()
			return
		}
		if subtle.ConstantTimeCompare([]byte(kioskPINHash(strings.TrimSpace(pin.Text))), []byte(stored)) == 1 {
			k.exitTries = 0
			d.Hide()
			k.close()
			return
		}
		k.exitTries++
		pin.SetText("")
		problem.SetText(L("PIN salah."))
		if k.exitTries >= kioskMaxTries {
			k.exitTries = 0
			k.exitLocked = time.Now().Add(kioskLockTime)
			problem.SetText(fmt.Sprintf(L("Terlalu banyak PIN salah. Coba lagi dalam %d detik."), int(kioskLockTime.Seconds())))
		}
		problem.Show()
	}
	pin.OnSubmitted = func(string) { try() }
	cancel := widget.NewButton(L("Batal"), func() { d.Hide() })
	leave := widget.NewButtonWithIcon(L("Keluar"), theme.LogoutIcon(), try)
	leave.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(L("Keluar dari mode kios?"), container.NewVBox(intro, pin, problem), k.win)
	d.SetButtons([]fyne.CanvasObject{cancel, leave})
	pin.onEscape = d.Hide
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	k.win.Canvas().Focus(pin)
}

// kioskTab is Pengaturan > Mode kios: the PIN that leaving the kiosk asks for.
func (u *UI) kioskTab() fyne.CanvasObject {
	stored, err := u.store.Setting(context.Background(), kioskPINSetting, "")
	if err != nil {
		u.showError(err)
	}
	state := widget.NewLabel("")
	state.Wrapping = fyne.TextWrapWord
	pin, again := newKeyPasswordEntry(), newKeyPasswordEntry()
	pin.SetPlaceHolder(L("4 sampai 12 angka"))
	again.SetPlaceHolder(L("ketik sekali lagi"))
	remove := widget.NewButtonWithIcon(L("Hapus PIN"), theme.DeleteIcon(), nil)
	show := func() {
		if stored == "" {
			state.SetText(L("Belum ada PIN kios: siapa pun yang memakai mode kios dapat keluar darinya (dengan konfirmasi). Atur PIN agar peserta tidak dapat membuka data di jendela koordinator."))
			remove.Disable()
		} else {
			state.SetText(L("PIN kios sudah diatur: keluar dari mode kios (tombol Keluar, Esc atau menutup jendela) meminta PIN ini."))
			remove.Enable()
		}
	}
	save := func() {
		p := strings.TrimSpace(pin.Text)
		if err := validKioskPIN(p); err != nil {
			u.showError(err)
			return
		}
		if p != strings.TrimSpace(again.Text) {
			u.showError(data.Errorf(data.KindInvalid, "%s", L("Kedua PIN tidak sama; ketik PIN yang sama dua kali.")))
			return
		}
		if err := u.store.SetSetting(context.Background(), kioskPINSetting, kioskPINHash(p)); err != nil {
			u.showError(err)
			return
		}
		stored = kioskPINHash(p)
		pin.SetText("")
		again.SetText("")
		show()
	}
	again.OnSubmitted = func(string) { save() }
	remove.OnTapped = func() {
		dialog.ShowConfirm(L("Hapus PIN kios?"), L("Tanpa PIN, siapa pun dapat keluar dari mode kios."), func(ok bool) {
			if !ok {
				return
			}
			if err := u.store.SetSetting(context.Background(), kioskPINSetting, ""); err != nil {
				u.showError(err)
				return
			}
			stored = ""
			show()
		}, u.win)
	}
	saveButton := widget.NewButtonWithIcon(L("Simpan PIN"), theme.DocumentSaveIcon(), save)
	saveButton.Importance = widget.HighImportance
	show()
	form := widget.NewForm(widget.NewFormItem(L("PIN baru"), pin), widget.NewFormItem(L("Ulangi PIN"), again))
	return container.NewVScroll(container.NewPadded(container.NewVBox(state, form, container.NewHBox(saveButton, remove))))
}

// KioskPINSet reports whether leaving the kiosk asks for a PIN (the command line warns when it does not).
func KioskPINSet(ctx context.Context, s *store.Store) bool {
	v, err := s.Setting(ctx, kioskPINSetting, "")
	return err == nil && v != ""
}
