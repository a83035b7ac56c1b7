// Package pack owns the submission package of contracts.md: the office's
// signing keys sealed with a passphrase, the manifest, building a signed
// (and optionally age-encrypted) zip, and verifying one from either side.
// It knows nothing of the database: the services hand it files and keys,
// and get back a verdict with every problem found.
//
// Trust rests on three things. The manifest lists every payload file with
// the SHA-256 and size of its stored bytes, so integrity is checked
// without decrypting. The office's Ed25519 key signs manifest.json's exact
// bytes. The centre's keyring (VerifyOptions.Registered), filled from key
// files whose fingerprints were confirmed by phone, says which key belongs
// to which office: unit.pub inside a package only lets anyone check the
// signature, it proves nothing about who made it.
//
// Verify treats every archive as hostile: it never extracts to disk, never
// uses an entry name as a path, and bounds every read (Limits), whatever
// the zip headers claim.
package pack
