package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func writeUnitsBook(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "unit.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadUnits(t *testing.T) {
	path := writeUnitsBook(t, [][]any{
		{"DAFTAR KEPALA UNIT KERJA"},
		{},
		{"No", "Unit Kerja", "Nama Kepala", "NIP Kepala", "Jabatan", "Alamat"},
		{1, "SMP Negeri 1 Situraja", "Drs. Ujang", "19690309 199403 2 001", "Kepala SMP Negeri 1 Situraja", "Jl. Raya 1"},
		{2, "SD Negeri 2 Cisitu", "", "", "", ""},
	})
	units, err := ReadUnits(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 2 || units[0].HeadNIP != "196903091994032001" || units[0].HeadPosition != "Kepala SMP Negeri 1 Situraja" ||
		units[1].HasHead() || units[0].Address != "Jl. Raya 1" {
		t.Errorf("units %+v %+v", units[0], units[1])
	}

	bad := writeUnitsBook(t, [][]any{
		{"Unit Kerja", "Nama Kepala", "NIP Kepala"},
		{"SMP Negeri 1", "A", "1969030919940320"},
		{"SMP Negeri 1", "B", ""},
		{"SMP Negeri 2", "C", "1.96903E+17"},
	})
	_, err = ReadUnits(bad)
	for _, want := range []string{"baris 2", "NIP kepala", "baris 3, Unit Kerja: SMP Negeri 1 sudah ada di baris 2", "baris 4, NIP Kepala: tersimpan sebagai angka"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
	if _, err := ReadUnits(writeUnitsBook(t, [][]any{{"Nama", "Umur"}, {"A", 1}})); err == nil || !strings.Contains(err.Error(), "baris judul") {
		t.Errorf("no heading: %v", err)
	}
}
