package paths

import "testing"

func env(goos string, vars map[string]string, home string) Env {
	return Env{GOOS: goos, Getenv: func(k string) string { return vars[k] }, HomeDir: home}
}

func TestDBPath(t *testing.T) {
	scenarios := []struct {
		name string
		e    Env
		want string
	}{
		{"TDKT_DB wins", env("windows", map[string]string{"TDKT_DB": `D:\Dữ liệu\tdkt.db`, "APPDATA": `C:\x`}, ""), `D:\Dữ liệu\tdkt.db`},
		{"windows appdata", env("windows", map[string]string{"APPDATA": `C:\Users\Nguyễn Văn An\AppData\Roaming`}, ""), `C:\Users\Nguyễn Văn An\AppData\Roaming\tdkt\tdkt.db`},
		{"windows appdata trailing slash", env("windows", map[string]string{"APPDATA": `C:\Users\An\AppData\Roaming\`}, ""), `C:\Users\An\AppData\Roaming\tdkt\tdkt.db`},
		{"windows no appdata", env("windows", nil, `C:\Users\An`), `C:\Users\An\AppData\Roaming\tdkt\tdkt.db`},
		{"linux xdg", env("linux", map[string]string{"XDG_DATA_HOME": "/home/an/.data"}, "/home/an"), "/home/an/.data/tdkt/tdkt.db"},
		{"linux default", env("linux", nil, "/home/an"), "/home/an/.local/share/tdkt/tdkt.db"},
		{"mac", env("darwin", nil, "/Users/an"), "/Users/an/Library/Application Support/tdkt/tdkt.db"},
	}
	for _, sc := range scenarios {
		got, err := DBPath(sc.e)
		if err != nil || got != sc.want {
			t.Errorf("%s: DBPath = %q, %v; want %q", sc.name, got, err, sc.want)
		}
	}
	if _, err := DBPath(env("linux", nil, "")); err == nil {
		t.Error("no home and no XDG_DATA_HOME must fail")
	}
}
