// Command tdkt is the desktop application: it opens the office database and
// shows the main window. Wiring only; everything else lives in ui/ and internal/.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"tdkt/internal/paths"
	"tdkt/internal/service"
	"tdkt/internal/store"
	"tdkt/ui"
	"tdkt/ui/winproc"
)

// windowWho is how another program that finds the database in use names
// this one.
const windowWho = "cửa sổ chương trình TĐKT"

func main() {
	dbPath := flag.String("db", "", "đường dẫn tệp cơ sở dữ liệu (mặc định: $TDKT_DB hoặc thư mục dữ liệu người dùng)")
	smoke := flag.Bool("smoke", false, "mở cửa sổ, chờ khung hình đầu tiên rồi thoát (kiểm tra CI)")
	demo := flag.Bool("demo", false, "nếu cơ sở dữ liệu còn trống, tạo ngay đơn vị mẫu")
	area := flag.String("area", "", "mục mở đầu tiên, ví dụ \"Đơn vị & cán bộ\"")
	wait := flag.Duration("smoke-wait", 1500*time.Millisecond, "với --smoke: thời gian chờ trước khi thoát")
	person := flag.String("person", "", "sau khi đăng nhập, mở hồ sơ cán bộ có mã này với con trỏ ở ô Họ và tên")
	flag.Parse()

	path := *dbPath
	if path == "" {
		p, err := paths.DefaultDB()
		if err != nil {
			fmt.Fprintln(os.Stderr, "Không xác định được thư mục dữ liệu:", err)
			os.Exit(2)
		}
		path = p
	}
	a := app.NewWithID("vn.gov.baohiemxahoi.tdkt")
	// One window per database: a second instance would fight the first
	// over the same file (and its backups); it gets a message instead.
	release, err := paths.Lock(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if !*smoke {
			ui.ShowFatal(a, err)
		}
		os.Exit(2)
	}
	st, err := store.Open(path, store.Options{Who: windowWho})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		release()
		ui.ShowFatal(a, err)
		os.Exit(2)
	}
	svc := service.New(st, nil)
	// A restore closes the database to replace the file; the window then
	// opens it again and goes back to the login screen.
	reopen := func() (*service.Service, error) {
		next, err := store.Open(path, store.Options{Who: windowWho})
		if err != nil {
			return nil, err
		}
		st, svc = next, service.New(next, nil)
		return svc, nil
	}
	win := ui.NewMainWindow(a, svc, ui.Options{AutoDemo: *demo, StartArea: *area, Reopen: reopen,
		User: os.Getenv("TDKT_USER"), Password: os.Getenv("TDKT_PASSWORD"),
		// Scripts (and the checks under Wine) wait for this line.
		Person: *person, Ready: func(shown string) { fmt.Println("ready:", shown) }})
	if *smoke {
		smokeQuit(a, win, *wait)
	}
	// Shown here, on the main goroutine, so that the window exists for
	// what follows: its size fitted to the screen, and the filter of its
	// Windows messages (Vietnamese input methods, the closing window).
	win.Show()
	winproc.Install(win)
	ui.FitWindow(win, a.Preferences(), workArea(win))
	a.Run()
	// The automatic backup on closing: a verified copy kept with the
	// retention of the backup folder.
	if err := svc.BackupOnClose(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, service.Explain(err))
	}
	if err := st.Close(); err != nil {
		fmt.Fprintln(os.Stderr, service.Explain(err))
	}
	release()
	// Scripts (and the checks under Wine) know from this line that the
	// data is closed: whatever happens after it is the process ending.
	fmt.Println("closed")
}

// smokeQuit closes the application once the window has drawn, so CI can
// prove that a real window opens and the process exits cleanly.
func smokeQuit(a fyne.App, win fyne.Window, wait time.Duration) {
	go func() {
		time.Sleep(wait)
		fyne.DoAndWait(func() {
			if c := win.Canvas(); c != nil && c.Size().Width > 0 {
				fmt.Println("smoke: window drawn", c.Size(), "at scale", c.Scale())
			}
		})
		time.Sleep(500 * time.Millisecond)
		fyne.Do(a.Quit)
	}()
}
