// Package i18n chooses the interface language. Source strings are
// Vietnamese, so Vietnamese is what people see unless they choose English in
// Cài đặt, whatever language Windows itself is set to (offices often run an
// English Windows). English comes from assets/translations/en.json through
// fyne's lang package.
package i18n

import (
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
	for _, loc := range []fyne.Locale{"en", "vi"} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("load translations %s for %s: %w", file, loc, err)
		}
	}
	return nil
}
