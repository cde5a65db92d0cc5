// Command writebad writes every hostile file of package badfiles into a folder, so that the real binary can
// be measured on them (peak memory and time of each refusal):
//
//	go run ./internal/badfiles/writebad DIR
//	for f in DIR/*; do /usr/bin/time -v ./pembina --db X.db import participants "$f" --dry-run; done
//
// With -invalid it writes instead the largest participant list the readers accept, every row invalid
// (badfiles.InvalidList), as tidak-valid.xlsx and tidak-valid.csv, and the same list valid (valid.xlsx,
// valid.csv): the worst a list that is read costs.
//
//	go run ./internal/badfiles/writebad -invalid DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pembina/pembina/internal/badfiles"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == "-invalid" {
		lists := map[string]func(string, int) error{"tidak-valid.xlsx": badfiles.InvalidList, "tidak-valid.csv": badfiles.InvalidList,
			"valid.xlsx": badfiles.ValidList, "valid.csv": badfiles.ValidList}
		for _, name := range []string{"tidak-valid.xlsx", "tidak-valid.csv", "valid.xlsx", "valid.csv"} {
			p := filepath.Join(os.Args[2], name)
			if err := lists[name](p, badfiles.InvalidListRows); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println(p)
		}
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "pemakaian: writebad [-invalid] FOLDER")
		os.Exit(2)
	}
	for _, c := range badfiles.Cases() {
		p, err := c.Write(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s\t%s\n", p, c.Want)
	}
}
