// Package i18n chooses the interface language. Source strings are
// Vietnamese, so Vietnamese is what people see unless they choose English in
// Cài đặt, whatever language Windows itself is set to (offices often run an
// English Windows). English comes from assets/translations/en.json through
// fyne's lang package.
package i18n

import (
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"tdkt/assets"
)

// Languages the interface offers, as stored in settings.
const (
	Vietnamese = "vi"
	English    = "en"
)

// Setup loads the translations for language. fyne's lang picks a bundle by
// the system locale; registering the chosen bundle under the locales a
// Vietnamese office machine reports (en, vi) makes the choice stick. It must
// run before any widget is built.
func Setup(language string) error {
	file := "translations/fyne.vi.json"
	if language == English {
		file = "translations/en.json"
	}
	data, err := assets.Translations.ReadFile(file)
	if err != nil {
		return fmt.Errorf("load translations %s: %w", file, err)
	}
	if language != English {
		if data, err = withSourceStrings(data); err != nil {
			return err
		}
	}
	for _, loc := range []fyne.Locale{"en", "vi"} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("load translations %s for %s: %w", file, loc, err)
		}
	}
	return nil
}

// withSourceStrings adds every source string (the keys of en.json) to the
// Vietnamese bundle as itself. The source strings are the Vietnamese text,
// so this changes nothing people see; without it fyne's lang logs "message
// not found" for every label of every screen.
func withSourceStrings(vi []byte) ([]byte, error) {
	var bundle map[string]any
	if err := json.Unmarshal(vi, &bundle); err != nil {
		return nil, fmt.Errorf("read Vietnamese translations: %w", err)
	}
	en, err := assets.Translations.ReadFile("translations/en.json")
	if err != nil {
		return nil, fmt.Errorf("load translations en.json: %w", err)
	}
	var keys map[string]string
	if err := json.Unmarshal(en, &keys); err != nil {
		return nil, fmt.Errorf("read English translations: %w", err)
	}
	for k := range keys {
		if _, ok := bundle[k]; !ok {
			bundle[k] = k
		}
	}
	return json.Marshal(bundle)
}
