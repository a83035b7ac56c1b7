// Package pack owns the submission package of contracts.md: the office's
// signing keys sealed with a passphrase, the manifest, building a signed
// (and optionally age-encrypted) zip, and verifying one from either side.
// It knows nothing of the database: the services hand it files and keys,
// and get back a verdict with every problem found.
package pack
