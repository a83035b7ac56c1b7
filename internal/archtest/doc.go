// Package archtest holds no code: its test keeps the import direction of
// architecture.md true (cmd → ui → service → {rules, store, docs, pdf, xlsx,
// pack} → domain; internal/ never reaches fyne; one package per heavy
// library).
package archtest
