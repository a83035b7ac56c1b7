package store

import "testing"

func TestIsUNC(t *testing.T) {
	scenarios := []struct {
		path string
		want bool
	}{
		{`\\may-chu\chia-se\Hồ sơ\tdkt.db`, true},
		{`//may-chu/chia-se/tdkt.db`, true},
		{`\\?\UNC\may-chu\chia-se\tdkt.db`, true},
		{`\\?\unc\may-chu\chia-se\tdkt.db`, true},
		{`\\?\C:\Users\lan\tdkt.db`, false},
		{`\\.\C:\Users\lan\tdkt.db`, false},
		{`C:\Users\lan\AppData\Roaming\tdkt\tdkt.db`, false},
		{`N:\tdkt.db`, false}, // a mapped letter: the drive type says
		{`/home/lan/.local/share/tdkt/tdkt.db`, false},
		{`\tdkt.db`, false},
		{`\\`, false},
		{`\\\x`, false},
	}
	for _, sc := range scenarios {
		if got := isUNC(sc.path); got != sc.want {
			t.Errorf("isUNC(%q) = %v, want %v", sc.path, got, sc.want)
		}
	}
}
