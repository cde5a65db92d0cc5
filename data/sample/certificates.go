package sample

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"math"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// issueCertificates gives the certificates of the first finished program (the first batch of the digital
// teaching training, which has subjects) to everyone the rules let have one, signed three days after the
// last session, with the subjects on a second page: the register, the printout and verification can then be
// tried as soon as the sample is loaded. It runs after the base transaction, because the certificate rules
// read the attendance through the store. It also gives the sample office an emblem, so that its documents
// carry a logo as real ones do.
func (w *world) issueCertificates(ctx context.Context, s *store.Store) error {
	in, err := s.Institution(ctx)
	if err != nil {
		return err
	}
	if len(in.Logo) == 0 {
		in.Logo = emblem()
		if err := s.SaveInstitution(ctx, in); err != nil {
			return err
		}
	}
	var p *plannedProgram
	for _, pp := range w.programs {
		if pp.Status == data.StatusFinished {
			p = pp
			break
		}
	}
	if p == nil {
		return nil
	}
	d, err := s.CertificateDesign(ctx, p.ID)
	if err != nil {
		return err
	}
	d.SubjectsPage = true
	d.IssueDate = p.EndDate.AddDate(0, 0, 3)
	if err := s.SaveCertificateDesign(ctx, d); err != nil {
		return err
	}
	_, err = s.IssueCertificates(ctx, p.ID, store.IssueOptions{Today: w.today})
	return err
}

// emblem draws a plain regency emblem: a navy shield with a gold rim and a gold five-pointed star.
func emblem() []byte {
	const wd, ht = 200, 240
	img := image.NewNRGBA(image.Rect(0, 0, wd, ht))
	navy := color.NRGBA{25, 45, 95, 255}
	gold := color.NRGBA{200, 160, 60, 255}
	// The shield: straight sides down to 55% of the height, then a curve to a point.
	inside := func(x, y, inset float64) bool {
		left, right, top := inset, wd-inset, inset
		if y < top || x < left || x > right {
			return false
		}
		mid := ht * 0.55
		if y <= mid {
			return true
		}
		t := (y - mid) / (ht - inset - mid)
		if t > 1 {
			return false
		}
		half := (right - left) / 2 * math.Sqrt(1-t*t)
		return math.Abs(x-wd/2) <= half
	}
	star := func(x, y float64) bool {
		cx, cy, r := wd/2.0, ht*0.42, 52.0
		a := math.Atan2(y-cy, x-cx) + math.Pi/2
		d := math.Hypot(x-cx, y-cy)
		sector := math.Mod(a+2*math.Pi, 2*math.Pi/5) - math.Pi/5
		// Distance to the star's edge in this direction, between the inner and outer radius.
		inner := r * 0.38
		edge := inner + (r-inner)*(1-math.Abs(sector)/(math.Pi/5))
		return d <= edge
	}
	for y := 0; y < ht; y++ {
		for x := 0; x < wd; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			switch {
			case inside(fx, fy, 16) && star(fx, fy):
				img.SetNRGBA(x, y, gold)
			case inside(fx, fy, 16):
				img.SetNRGBA(x, y, navy)
			case inside(fx, fy, 6):
				img.SetNRGBA(x, y, gold)
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
