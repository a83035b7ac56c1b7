package periods

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barChart draws counts by year as bars, one group per year with a bar
// per series side by side, the value above each bar and the year under
// its group: people compare the years at a glance rather than read the
// table. It fills the size it is given; the tallest bar reaches the top.
type barChart struct {
	widget.BaseWidget
	title  string        // shown above the bars, already translated
	series []string      // one per bar of a group, in the legend when more than one
	colors []color.Color // of each series; nil: the theme's (read when drawn)
	years  []int
	values [][]int // values[i][s]: years[i], series s
}

// newBarChart makes an empty chart; set gives it its figures.
func newBarChart(title string, series ...string) *barChart {
	c := &barChart{title: title, series: series}
	c.ExtendBaseWidget(c)
	return c
}

// set shows values[i][s] for years[i] and series s.
func (c *barChart) set(years []int, values [][]int) {
	c.years, c.values = years, values
	c.Refresh()
}

func (c *barChart) value(i, s int) int {
	if i < len(c.values) && s < len(c.values[i]) {
		return c.values[i][s]
	}
	return 0
}

// seriesColor is the colour of series s: the theme's primary colour first,
// then colours that stay apart from it in light and dark themes.
func (c *barChart) seriesColor(s int) color.Color {
	if s < len(c.colors) && c.colors[s] != nil {
		return c.colors[s]
	}
	names := []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNameError}
	return theme.Color(names[s%len(names)])
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.rebuild()
	return r
}

// chartRenderer holds the canvas objects of a barChart; they are made
// again from the figures at each refresh (a few dozen at most).
type chartRenderer struct {
	c       *barChart
	title   *canvas.Text
	swatch  []*canvas.Rectangle // legend
	legend  []*canvas.Text
	axis    *canvas.Line
	bars    []*canvas.Rectangle // year by year, series by series
	values  []*canvas.Text      // above each bar
	years   []*canvas.Text      // under each group
	objects []fyne.CanvasObject
}

// smallText is the size of the values, years and legend.
func smallText() float32 { return theme.TextSize() * 0.85 }

func (r *chartRenderer) rebuild() {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	r.title = canvas.NewText(c.title, fg)
	r.title.TextStyle.Bold = true
	r.objects = []fyne.CanvasObject{r.title}
	r.swatch, r.legend = nil, nil
	if len(c.series) > 1 {
		for s, name := range c.series {
			sw := canvas.NewRectangle(c.seriesColor(s))
			t := canvas.NewText(name, fg)
			t.TextSize = smallText()
			r.swatch, r.legend = append(r.swatch, sw), append(r.legend, t)
			r.objects = append(r.objects, sw, t)
		}
	}
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.axis.StrokeWidth = 1
	r.objects = append(r.objects, r.axis)
	r.bars, r.values, r.years = nil, nil, nil
	for i, y := range c.years {
		for s := range c.series {
			b := canvas.NewRectangle(c.seriesColor(s))
			v := canvas.NewText(strconv.Itoa(c.value(i, s)), fg)
			v.TextSize = smallText()
			v.Alignment = fyne.TextAlignCenter
			r.bars, r.values = append(r.bars, b), append(r.values, v)
			r.objects = append(r.objects, b, v)
		}
		t := canvas.NewText(strconv.Itoa(y), fg)
		t.TextSize = smallText()
		t.Alignment = fyne.TextAlignCenter
		r.years = append(r.years, t)
		r.objects = append(r.objects, t)
	}
}

// heights of the title row, the legend row and a line of small text.
func (r *chartRenderer) heights() (title, legend, small float32) {
	title = fyne.MeasureText("Ág", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	small = fyne.MeasureText("0", smallText(), fyne.TextStyle{}).Height
	if len(r.legend) > 0 {
		legend = small
	}
	return title, legend, small
}

func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	pad := theme.Padding()
	titleH, legendH, smallH := r.heights()
	r.title.Move(fyne.NewPos(pad, 0))
	r.title.Resize(fyne.NewSize(size.Width-2*pad, titleH))
	y := titleH + pad
	x := pad
	for s, sw := range r.swatch {
		side := smallH * 0.7
		sw.Move(fyne.NewPos(x, y+(smallH-side)/2))
		sw.Resize(fyne.NewSize(side, side))
		x += side + pad
		w := fyne.MeasureText(r.legend[s].Text, smallText(), fyne.TextStyle{}).Width
		r.legend[s].Move(fyne.NewPos(x, y))
		r.legend[s].Resize(fyne.NewSize(w, smallH))
		x += w + 3*pad
	}
	if legendH > 0 {
		y += legendH + pad
	}
	// The plot: from below the value above the tallest bar down to the
	// axis, with the years underneath.
	top := y + smallH
	base := size.Height - smallH - pad
	plot := max(0, base-top)
	r.axis.Position1 = fyne.NewPos(pad, base)
	r.axis.Position2 = fyne.NewPos(size.Width-pad, base)

	n, k := len(c.years), len(c.series)
	if n == 0 || k == 0 {
		return
	}
	most := 1
	for i := range c.years {
		for s := range c.series {
			most = max(most, c.value(i, s))
		}
	}
	group := (size.Width - 2*pad) / float32(n)
	// Bars take most of their group, but a few years do not make them
	// wider than is pleasant to read.
	bar := min(group*0.75/float32(k), 56)
	for i := range c.years {
		left := pad + group*float32(i) + (group-bar*float32(k))/2
		for s := range c.series {
			j := i*k + s
			h := plot * float32(c.value(i, s)) / float32(most)
			bx := left + bar*float32(s)
			r.bars[j].Move(fyne.NewPos(bx, base-h))
			r.bars[j].Resize(fyne.NewSize(max(bar-1, 1), h))
			r.values[j].Move(fyne.NewPos(bx-pad, base-h-smallH))
			r.values[j].Resize(fyne.NewSize(bar+2*pad, smallH))
		}
		r.years[i].Move(fyne.NewPos(pad+group*float32(i), base+pad/2))
		r.years[i].Resize(fyne.NewSize(group, smallH))
	}
}

// MinSize leaves room for the title, the legend, the labels and a plot
// tall enough to compare the bars; the width follows the years.
func (r *chartRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	titleH, legendH, smallH := r.heights()
	year := fyne.MeasureText("2025", smallText(), fyne.TextStyle{}).Width + pad
	w := max(160, year*float32(len(r.c.years))+2*pad)
	h := titleH + pad + legendH + pad + 2*smallH + 2*pad + 60
	return fyne.NewSize(w, h)
}

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}
