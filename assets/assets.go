// Package assets embeds the files the application ships: the icon, the
// interface translations and (later) the PDF fonts. It exposes bytes only,
// so that internal packages can use them without importing the UI toolkit.
package assets

import (
	"embed"
	_ "embed"
)

// Icon is the application icon (PNG).
//
//go:embed Icon.png
var Icon []byte

// Translations holds en.json (Vietnamese source strings → English) and
// fyne.vi.json (the toolkit's own strings → Vietnamese).
//
//go:embed translations/*.json
var Translations embed.FS
