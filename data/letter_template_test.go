package data

import (
	"reflect"
	"testing"
)

func TestFillLetterBody(t *testing.T) {
	body := "Dengan hormat,\nkami sampaikan {unit}.\n\n| Hari | {hari}\n| Catatan | {kosong}\n[Batas {kosong}.]\n\nTerima kasih[ kepada {kepala}]."
	got := FillLetterBody(body, map[string]string{"unit": "SMPN 1", "hari": "Senin", "kepala": "Kepala SMPN 1"})
	want := []LetterParagraph{{Text: "Dengan hormat, kami sampaikan SMPN 1."}, {Label: "Hari", Text: "Senin"},
		{Text: "Terima kasih kepada Kepala SMPN 1."}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := UnknownPlaceholders("{unit} {unti} {tahun} {unti}", FollowUpPlaceholders); !reflect.DeepEqual(got, []string{"unti"}) {
		t.Errorf("unknown %v", got)
	}
}

func TestUnitValidate(t *testing.T) {
	u := &Unit{Name: "  SD  Negeri 1 ", HeadNIP: "NIP. 19690309 199403 2 001"}
	if err := u.Validate(); err != nil || u.Name != "SD Negeri 1" || u.HeadNIP != "196903091994032001" {
		t.Errorf("%+v %v", u, err)
	}
	if u.HasHead() || u.Addressee() != "Kepala SD Negeri 1" {
		t.Errorf("addressee %q", u.Addressee())
	}
	if err := (&Unit{Name: "X", HeadNIP: "123"}).Validate(); err == nil {
		t.Error("a bad NIP passed")
	}
	if err := (&Unit{}).Validate(); err == nil {
		t.Error("an empty name passed")
	}
}
