//go:build windows

package store

import (
	"errors"
	"os"
	"testing"
)

func TestOpen_RefusesANetworkShare(t *testing.T) {
	for _, p := range []string{`\\may-chu\chia-se\Hồ sơ\tdkt.db`, `\\?\UNC\may-chu\chia-se\tdkt.db`} {
		_, err := Open(p, Options{})
		if !errors.Is(err, ErrNetworkDrive) {
			t.Errorf("Open(%q) = %v, want ErrNetworkDrive", p, err)
		}
	}
}

// TestOpen_RefusesAMappedNetworkDrive runs where TDKT_TEST_NETWORK_DRIVE
// names a drive letter mapped to a share (the Wine checks map one).
func TestOpen_RefusesAMappedNetworkDrive(t *testing.T) {
	drive := os.Getenv("TDKT_TEST_NETWORK_DRIVE")
	if drive == "" {
		t.Skip("TDKT_TEST_NETWORK_DRIVE names no mapped network drive")
	}
	p := drive + `:\Hồ sơ\tdkt.db`
	_, err := Open(p, Options{})
	if !errors.Is(err, ErrNetworkDrive) {
		t.Fatalf("Open(%q) = %v, want ErrNetworkDrive", p, err)
	}
	if _, err := os.Stat(drive + `:\Hồ sơ`); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open left something on the network drive: %v", err)
	}
}
