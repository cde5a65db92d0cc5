package app

import (
	"errors"
	"strings"
	"sync"
	"unicode"

	"github.com/pembina/pembina/data"
)

// errorText is err's message in the interface language, the one way the window writes an error: in
// Indonesian the data layer's sentence (data.ErrorMessage, as on the command line); in English the sentence
// written from the English of its format in assets/translations/*.en.json with the same values
// (data.ErrorTranslator), or the Indonesian sentence when part of it has no English.
func errorText(err error) string {
	if english() {
		if s, ok := englishErrors().Error(err); ok {
			return s
		}
	}
	return data.ErrorMessage(err)
}

// errorDetail is the technical text behind err for the error dialog's "Detail" (data.ErrorDetail), or "" when
// the message shown already says it all. In English it is the cause the domain error wraps (the operating
// system's or SQLite's own English) when the English message does not quote it, not the Indonesian message.
func errorDetail(err error, shown string) string {
	if !english() {
		return data.ErrorDetail(err)
	}
	var fe data.FieldErrors
	passed := false
	for e := err; e != nil; e = errors.Unwrap(e) {
		if _, ok := e.(data.Formatted); ok {
			passed = true
			continue
		}
		if !passed {
			continue
		}
		if errors.As(e, &fe) {
			return ""
		}
		if t := e.Error(); !strings.Contains(shown, t) {
			return t
		}
		return ""
	}
	return ""
}

// fieldText is a form field's problem in the interface language (errorText), without its label.
func fieldText(f data.FieldError) string {
	if english() {
		if _, msg, ok := englishErrors().Field(f); ok {
			return msg
		}
	}
	return f.Message
}

var (
	englishOnce sync.Once
	englishText map[string]string
)

// englishErrors translates errors into English from the merged English translations, read once.
func englishErrors() data.ErrorTranslator {
	englishOnce.Do(func() {
		englishText, _ = englishTranslations() // a broken file already stops applyLanguage at start-up
	})
	return data.ErrorTranslator{
		Text: func(s string) (string, bool) {
			if en, ok := englishText[s]; ok {
				return en, true
			}
			return s, !hasLetter(s) // "%s: %s" reads the same in every language
		},
		Phrase: phraseText,
	}
}

// hasLetter reports whether s has a letter outside its % verbs.
func hasLetter(s string) bool {
	verb := false
	for _, r := range s {
		switch {
		case verb:
			verb = false // the verb's letter
		case r == '%':
			verb = true
		case unicode.IsLetter(r):
			return true
		}
	}
	return false
}
