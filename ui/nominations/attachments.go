package nominations

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/domain"
	"tdkt/ui/kit"
)

// openFile shows a file in the system's viewer; tests replace it.
var openFile = kit.OpenFile

// attachPane lists the evidence files kept with the open nominee (the
// scanned decisions its dossier needs): open one, remove one, attach more.
// The checklist counts an initiative's decision as present when a file's
// name mentions the initiative's title or the decision's number.
type attachPane struct {
	e         *nomineeEditor
	files     []string
	list      *widget.List
	attachBtn *widget.Button
	empty     *widget.Label
	editable  bool
	lastPath  string // the file last written for opening (tests read it)
	content   fyne.CanvasObject
}

func newAttachPane(e *nomineeEditor) *attachPane {
	a := &attachPane{e: e, editable: true}
	a.list = widget.NewList(func() int { return len(a.files) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			open := widget.NewButtonWithIcon(lang.L("Mở"), theme.FileIcon(), nil)
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(open, del), name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(a.files) {
				return
			}
			name := a.files[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(name)
			btns := c.Objects[1].(*fyne.Container).Objects
			btns[0].(*widget.Button).OnTapped = func() { a.open(name) }
			del := btns[1].(*widget.Button)
			del.OnTapped = func() { a.askRemove(name) }
			enable(del, a.editable)
		})
	a.attachBtn = widget.NewButtonWithIcon(lang.L("Đính kèm…"), theme.ContentAddIcon(), a.onAttach)
	a.empty = widget.NewLabel(lang.L("Chưa có tệp đính kèm. Đính kèm bản chụp quyết định công nhận sáng kiến hoặc quyết định khen thưởng làm căn cứ; tên tệp nên có tên sáng kiến hoặc số quyết định."))
	a.empty.Wrapping = fyne.TextWrapWord
	a.empty.Importance = widget.LowImportance
	// The hint takes the list's place, in a scroll: wrapped in a narrow
	// pane it would otherwise ask for many lines of height.
	top := container.NewBorder(nil, nil, bold("Tệp đính kèm"), a.attachBtn)
	a.content = container.NewBorder(top, nil, nil, nil, container.NewStack(a.list, container.NewVScroll(a.empty)))
	return a
}

// show lists the files of a nominee.
func (a *attachPane) show(n domain.Nominee) {
	a.files = append([]string(nil), n.Attachments...)
	if len(a.files) == 0 {
		a.empty.Show()
	} else {
		a.empty.Hide()
	}
	a.list.Refresh()
}

func (a *attachPane) setEditable(on bool) {
	a.editable = on
	enable(a.attachBtn, on)
	a.list.Refresh()
}

// onAttach asks for a file and attaches it.
func (a *attachPane) onAttach() {
	v := a.e.t.v
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			v.showError(err)
			return
		}
		if rc == nil {
			return
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			v.showError(err)
			return
		}
		a.attach(rc.URI().Name(), b)
	}, v.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// attach stores a file with the open nominee and shows the new list and checklist.
func (a *attachPane) attach(name string, content []byte) {
	e := a.e
	v := e.t.v
	if e.n.ID == 0 {
		return
	}
	if err := v.svc.AttachNomineeFile(v.ctx, e.n.ID, name, content); err != nil {
		v.showError(err)
		return
	}
	a.reload()
	v.showBanner(fmt.Sprintf(lang.L("Đã đính kèm %s."), name), nil)
}

// askRemove removes a file after asking.
func (a *attachPane) askRemove(name string) {
	v := a.e.t.v
	v.ask(lang.L("Bỏ tệp đính kèm"), fmt.Sprintf(lang.L("Bỏ tệp %s khỏi hồ sơ?"), name), lang.L("Bỏ tệp"), true, func() { a.remove(name) })
}

func (a *attachPane) remove(name string) {
	e := a.e
	v := e.t.v
	if e.n.ID == 0 {
		return
	}
	n, ok := e.t.nominee(e.n.ID)
	if !ok {
		n = e.n
	}
	var keep []string
	for _, f := range n.Attachments {
		if f != name {
			keep = append(keep, f)
		}
	}
	n.Attachments = keep
	if err := v.svc.SaveNominee(v.ctx, n); err != nil {
		v.showError(err)
		return
	}
	a.reload()
	v.showBanner(fmt.Sprintf(lang.L("Đã bỏ tệp %s."), name), nil)
}

// reload re-reads the open nominee (its files) and the checklist, keeping
// what is typed in the editor.
func (a *attachPane) reload() {
	e := a.e
	t, v := e.t, e.t.v
	ns, err := v.svc.Nominees(v.ctx, t.round.ID)
	if err != nil {
		v.showError(err)
		return
	}
	for _, n := range ns {
		if n.ID == e.n.ID {
			e.n.Attachments = n.Attachments
			kept := e.n
			if cur, ok := t.nominee(n.ID); ok {
				cur.Attachments = n.Attachments
				kept = cur
			}
			t.saved(kept)
			a.show(e.n)
			return
		}
	}
}

// open writes a file to a temporary folder and shows it.
func (a *attachPane) open(name string) {
	e := a.e
	v := e.t.v
	b, err := v.svc.NomineeFile(v.ctx, e.n.ID, name)
	if err != nil {
		v.showError(err)
		return
	}
	dir, err := os.MkdirTemp("", "tdkt-dinh-kem-")
	if err != nil {
		v.showError(err)
		return
	}
	path := filepath.Join(dir, filepath.Base(filepath.Clean("/"+name)))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		v.showError(err)
		return
	}
	a.lastPath = path
	if err := openFile(path); err != nil {
		v.showError(err)
	}
}

// dossierSplit puts the checklist beside the attached files.
func dossierSplit(checklist, files fyne.CanvasObject) fyne.CanvasObject {
	// Side by side: stacked, the two needed more height than a 768-pixel
	// screen leaves the nominee's editor.
	s := container.NewHSplit(checklist, files)
	s.Offset = 0.6
	return s
}
