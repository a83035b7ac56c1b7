// Package overview is the "Tổng quan" area: the office's profile, its units
// with their headcounts, and how many people and collectives received each
// title or form in the last completed year.
package overview

import (
	"context"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tdkt/internal/service"
	"tdkt/ui/kit"
)

// Service is what the overview reads.
type Service interface {
	Overview(ctx context.Context) (service.Overview, error)
}

// View is the Tổng quan area.
type View struct {
	svc     Service
	win     fyne.Window
	data    service.Overview
	profile *widget.Label
	units   *widget.Table
	awards  *widget.Table
	root    fyne.CanvasObject
	unitRow []unitRow
	award   []awardRow
	awardHd *widget.Label
}

type unitRow struct {
	name, kind string
	people     int
	depth      int
	active     bool
}

type awardRow struct {
	name   string
	counts []int // per year of data.Years
}

// New builds the area.
func New(svc Service, win fyne.Window) *View {
	v := &View{svc: svc, win: win, profile: widget.NewLabel(""), awardHd: kit.Heading("")}
	v.profile.Wrapping = fyne.TextWrapWord
	v.units = widget.NewTable(
		func() (int, int) { return len(v.unitRow), 3 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		v.updateUnitCell)
	v.units.ShowHeaderRow = true
	v.units.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.units.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(lang.L([]string{"Đơn vị", "Loại", "Số cán bộ"}[id.Col]))
	}
	v.units.SetColumnWidth(0, 360)
	v.units.SetColumnWidth(1, 100)
	v.units.SetColumnWidth(2, 90)
	v.awards = widget.NewTable(
		func() (int, int) { return len(v.award), 1 + len(v.data.Years) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := v.award[id.Row]
			if id.Col == 0 {
				o.(*widget.Label).SetText(r.name)
			} else {
				o.(*widget.Label).SetText(fmt.Sprint(r.counts[id.Col-1]))
			}
		})
	v.awards.ShowHeaderRow = true
	v.awards.CreateHeader = v.units.CreateHeader
	v.awards.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col == 0 {
			o.(*widget.Label).SetText(lang.L("Danh hiệu / hình thức"))
			return
		}
		o.(*widget.Label).SetText(fmt.Sprintf(lang.L("Năm %d"), v.data.Years[id.Col-1]))
	}
	v.awards.SetColumnWidth(0, 280)
	v.awards.SetColumnWidth(1, 80)
	v.awards.SetColumnWidth(2, 80)
	left := container.NewBorder(kit.Heading("Đơn vị và số cán bộ"), nil, nil, nil, v.units)
	right := container.NewBorder(v.awardHd, nil, nil, nil, v.awards)
	split := container.NewHSplit(left, right)
	split.Offset = 0.58
	v.root = container.NewBorder(container.NewVBox(kit.Heading("Tổng quan"), v.profile, widget.NewSeparator()), nil, nil, nil, split)
	return v
}

func (v *View) updateUnitCell(id widget.TableCellID, o fyne.CanvasObject) {
	r := v.unitRow[id.Row]
	l := o.(*widget.Label)
	l.Importance = widget.MediumImportance
	if !r.active {
		l.Importance = widget.LowImportance
	}
	switch id.Col {
	case 0:
		indent := ""
		for range r.depth {
			indent += "    "
		}
		l.SetText(indent + r.name)
	case 1:
		l.SetText(r.kind)
	case 2:
		l.SetText(fmt.Sprint(r.people))
	}
}

// Content is the area's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.root }

// Reload re-reads the counts.
func (v *View) Reload() {
	o, err := v.svc.Overview(context.Background())
	if err != nil {
		kit.ShowError(v.win, err)
		return
	}
	v.data = o
	p := o.Profile
	if p.UnitCode == "" {
		v.profile.SetText(lang.L("Chưa tạo đơn vị. Vào Cài đặt để nhập thông tin đơn vị."))
	} else {
		director := p.Director.Name
		if director == "" {
			director = lang.L("(chưa nhập)")
		}
		v.profile.SetText(fmt.Sprintf(lang.L("%s (mã %s), thuộc %s. Địa danh trên văn bản: %s. Giám đốc: %s. Tổng số cán bộ: %d."),
			p.UnitName, p.UnitCode, p.ParentName, p.Place, director, o.People))
	}
	v.unitRow = v.unitRow[:0]
	children := map[string][]int{}
	for i, u := range o.Units {
		children[u.ParentCode] = append(children[u.ParentCode], i)
	}
	// Subtree totals, so the office's row counts everyone.
	var total func(code string) int
	total = func(code string) int {
		n := o.Headcount[code]
		for _, i := range children[code] {
			n += total(o.Units[i].Code)
		}
		return n
	}
	for _, kids := range children {
		sort.SliceStable(kids, func(a, b int) bool {
			return o.Units[kids[a]].ActiveOn(o.Today) && !o.Units[kids[b]].ActiveOn(o.Today)
		})
	}
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, i := range children[parent] {
			u := o.Units[i]
			name := u.Name
			if !u.ActiveOn(o.Today) {
				// Offices merged in 2025 stay for their history, marked as closed.
				name = fmt.Sprintf(lang.L("%s (đến %s)"), u.Name, u.ValidTo.VN())
			}
			v.unitRow = append(v.unitRow, unitRow{name, lang.L(u.Kind.Label()), total(u.Code), depth, u.ActiveOn(o.Today)})
			walk(u.Code, depth+1)
		}
	}
	walk("", 0)
	v.award = v.award[:0]
	for _, a := range o.Catalogue.Awards {
		r := awardRow{name: a.Name}
		for _, y := range o.Years {
			r.counts = append(r.counts, o.AwardCount[y][a.Code])
		}
		v.award = append(v.award, r)
	}
	v.awardHd.SetText(lang.L("Danh hiệu và hình thức đã ghi nhận"))
	v.units.Refresh()
	v.awards.Refresh()
}
