//go:build !windows && !linux

package store

// onNetworkDrive is not known on this system: every folder counts as local.
func onNetworkDrive(string) bool { return false }
