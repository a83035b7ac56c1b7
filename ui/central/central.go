// Package central holds the areas of the application in central mode
// (a database created for the centre, Chị Mai's desk at VSS): the packages
// received from the offices ("Gói đã nhận": import a file or a whole
// folder, see what became of each, load the held ones once their office's
// key is added), the keyring of the offices' public keys ("Khóa các đơn
// vị"), the consolidation of a year ("Tổng hợp": per office, per award,
// cluster rankings, the Excel workbook, one person's history by CCCD), and
// the centre's decisions with the signed feedback package for each office
// ("Quyết định"). Settings are the province's area, which knows central
// mode.
//
// Each view declares the few service methods it needs.
package central

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/internal/pack"
	"tdkt/internal/service"
	"tdkt/ui/kit"
	"tdkt/ui/settings"
)

// View is an area of the main window.
type View interface {
	Content() fyne.CanvasObject
	Reload()
}

// Area is one entry of the sidebar: its title (a lang key), icon and view.
type Area struct {
	Title string
	Icon  fyne.Resource
	View  View
}

// Areas are the centre's areas, in sidebar order; changed runs after the
// settings changed the profile.
func Areas(svc *service.Service, win fyne.Window, changed func()) []Area {
	received := NewReceived(svc, win)
	return []Area{
		{"Gói đã nhận", theme.DownloadIcon(), received},
		{"Khóa các đơn vị", theme.AccountIcon(), NewKeyring(svc, win)},
		{"Tổng hợp", theme.GridIcon(), NewReport(svc, win)},
		{"Quyết định", theme.DocumentCreateIcon(), NewDecisions(svc, win)},
		{"Cài đặt", theme.SettingsIcon(), settings.New(svc, win, changed)},
	}
}

// statusLabel is how a package's status reads (store and import outcome
// statuses share their words).
func statusLabel(s string) string {
	switch s {
	case service.ImportLoaded:
		return lang.L("Đã nạp")
	case service.ImportDuplicate:
		return lang.L("Đã nhận trước đây")
	case service.ImportSuperseded:
		return lang.L("Đã có gói mới hơn")
	case service.ImportHeld:
		return lang.L("Đang giữ: chưa có khóa")
	case service.ImportRejected:
		return lang.L("Bị từ chối")
	}
	return s
}

// statusImportance colours a status: green loaded, red rejected, amber held.
func statusImportance(s string) widget.Importance {
	switch s {
	case service.ImportLoaded:
		return widget.SuccessImportance
	case service.ImportRejected:
		return widget.DangerImportance
	case service.ImportHeld:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// problemsOf reads the problems a package was stored with.
func problemsOf(js string) []pack.Problem {
	var ps []pack.Problem
	_ = json.Unmarshal([]byte(js), &ps)
	return ps
}

// problemText is one problem as people read it.
func problemText(p pack.Problem) string {
	if p.Path != "" && !strings.Contains(p.Message, p.Path) {
		return p.Path + ": " + p.Message
	}
	return p.Message
}

// stamp writes an RFC 3339 time as dd/mm/yyyy hh:mm in local time.
func stamp(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Local().Format("02/01/2006 15:04")
}

// fold makes text searchable as a clerk types it.
func fold(s string) string { return domain.Fold(strings.TrimSpace(s)) }

// matches reports whether every word of the query occurs in one of fields.
func matches(query string, fields ...string) bool { return kit.Matches(query, fields...) }

// wrapped is a label that wraps.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// voteText is "12/15 (80%) · thông qua", or "" without a vote.
func voteText(voted bool, forVotes, against, abstain int, pct float64, passed bool) string {
	if !voted {
		return lang.L("Chưa biểu quyết")
	}
	verdict := lang.L("không thông qua")
	if passed {
		verdict = lang.L("thông qua")
	}
	return fmt.Sprintf(lang.L("%d đồng ý, %d không, %d phiếu trắng (%s%%) · %s"), forVotes, against, abstain, kit.FormatNumber(pct), verdict)
}

// eligibleText is Đủ / Không đủ.
func eligibleText(ok bool) string {
	if ok {
		return lang.L("Đủ")
	}
	return lang.L("Không đủ")
}

// enable enables or disables a button.
func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// fieldErr is an error shown under a form's field.
func fieldErr(field, msg string) error { return domain.FieldError{Field: field, Msg: msg} }

// errorHolder shows errors and remembers the last (tests read it).
type errorHolder struct {
	win     fyne.Window
	lastErr error
}

func (e *errorHolder) showError(err error) {
	if err == nil || err == context.Canceled {
		return
	}
	e.lastErr = err
	kit.ShowError(e.win, err)
}
