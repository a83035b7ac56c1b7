// Package rules owns the rule catalogue (legal regimes, titles and forms of
// award with their parameters, as data with validity dates) and the
// validators of the facts the rules read: names, dates, CCCD numbers. It is
// pure: no I/O, no clock, so every function is table- and fuzz-testable.
// The eligibility engine (Evaluate) implements rules.md over a History.
package rules
