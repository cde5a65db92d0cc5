// Command writebad writes every hostile file of package badfiles into a folder, so that the real binary can
// be measured on them (peak memory and time of each refusal):
//
//	go run ./internal/badfiles/writebad DIR
//	for f in DIR/*; do /usr/bin/time -v ./pembina --db X.db import participants "$f" --dry-run; done
package main

import (
	"fmt"
	"os"

	"github.com/pembina/pembina/internal/badfiles"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "pemakaian: writebad FOLDER")
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
