package data

import (
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// Phrase is a sentence for the coordinator whose figures and names are filled in only where it is shown: Text
// is Indonesian with {{.Name}} placeholders and Args their values. String fills it in Indonesian for the
// command line and documents; the window translates Text first (its source strings are Indonesian) and fills
// it in after, so that the English window shows English. A value that is itself a Phrase or Phrases is
// translated the same way, and a time.Time is written as a date of the language shown.
type Phrase struct {
	Text string
	Args map[string]any
}

// Phrases are phrases shown one after another, joined with "; ".
type Phrases []Phrase

// Fill writes the phrase: translate turns a template and its filled-in values into text (L in the window),
// date writes a date.
func (p Phrase) Fill(translate func(text string, args map[string]any) string, date func(time.Time) string) string {
	if len(p.Args) == 0 {
		return translate(p.Text, nil)
	}
	args := make(map[string]any, len(p.Args))
	for k, v := range p.Args {
		switch v := v.(type) {
		case Phrase:
			args[k] = v.Fill(translate, date)
		case Phrases:
			args[k] = v.Fill(translate, date)
		case time.Time:
			args[k] = date(v)
		default:
			args[k] = fmt.Sprint(v)
		}
	}
	return translate(p.Text, args)
}

// Fill writes the phrases joined with "; " (Phrase.Fill).
func (ps Phrases) Fill(translate func(text string, args map[string]any) string, date func(time.Time) string) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Fill(translate, date)
	}
	return strings.Join(parts, "; ")
}

// String is the phrase in Indonesian, values filled in.
func (p Phrase) String() string { return p.Fill(fillIndonesian, indo.Date) }

// String is the phrases in Indonesian, joined with "; ".
func (ps Phrases) String() string { return ps.Fill(fillIndonesian, indo.Date) }

// fillIndonesian puts the values into the Indonesian template.
func fillIndonesian(text string, args map[string]any) string {
	for k, v := range args {
		text = strings.ReplaceAll(text, "{{."+k+"}}", v.(string))
	}
	return text
}
