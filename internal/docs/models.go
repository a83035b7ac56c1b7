package docs

import (
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// ModelsInput is what the documents of a period's exemplary models say:
// the models put before the Hội nghị điển hình tiên tiến with its vote,
// the share a model needs, and the delegation to the congress.
type ModelsInput struct {
	Profile    domain.OfficeProfile
	Period     domain.Period
	Conference domain.Conference
	Threshold  float64 // % of the members called a model must exceed
	Models     []domain.ExemplaryModel
	Date       domain.Date // date printed on the list and the booklet
}

// selected are the models the conference chose.
func (in ModelsInput) selected() []domain.ExemplaryModel {
	var out []domain.ExemplaryModel
	for _, m := range in.Models {
		if m.Selected(in.Conference, in.Threshold) {
			out = append(out, m)
		}
	}
	return out
}

// modelsSpan is "giai đoạn 2020 - 2025" of the models' period.
func modelsSpan(p domain.Period) string { return periodSpan(PeriodInput{Period: p}) }

func reasonsText(rs []domain.ModelReason) string {
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		if t := clean(r.Text); t != "" {
			parts = append(parts, strings.TrimRight(t, "."))
		}
	}
	return strings.Join(parts, "; ")
}

// ConferenceMinutes is the Biên bản of the Hội nghị điển hình tiên tiến:
// the delegates called and present, the secret ballot on every model put
// forward, each model's share of the delegates called against the share
// needed, and the models it selected.
func ConferenceMinutes(in ModelsInput) Document {
	p, c := in.Profile, in.Conference
	span := modelsSpan(in.Period)
	var body []Block
	opening := "Hôm nay, " + DateLine("", c.Date) + ", " + officeName(p) + " tổ chức Hội nghị điển hình tiên tiến " + span + " để bầu chọn các tập thể, cá nhân tiêu biểu"
	if cg := clean(in.Period.Congress); cg != "" {
		opening += " tham dự " + cg
	}
	body = append(body, Paragraph{Text: opening + "."})
	body = append(body, Heading{Text: "I. THÀNH PHẦN"})
	body = append(body, Paragraph{Text: "Số đại biểu được triệu tập: " + strconv.Itoa(c.Members) + "; số đại biểu có mặt: " + strconv.Itoa(c.Present) + "; vắng mặt: " + strconv.Itoa(c.Members-c.Present) + "."})
	body = append(body, Heading{Text: "II. NỘI DUNG"})
	body = append(body, Paragraph{Text: "Hội nghị nghe báo cáo thành tích của " + subjectsPhrase(countModels(in.Models)) + " được đề nghị; các đại biểu thảo luận và bầu chọn bằng hình thức bỏ phiếu kín. Tập thể, cá nhân được chọn phải đạt " + thresholdPhrase(in.Threshold, false) + " số phiếu đồng ý trên tổng số đại biểu được triệu tập."})
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1, Align: AlignCenter},
			{Header: "Tên tập thể, cá nhân", Width: 4.4},
			{Header: "Đơn vị", Width: 3.6},
			{Header: "Số phiếu đồng ý", Width: 1.6, Align: AlignCenter},
			{Header: "Tỷ lệ", Width: 1.5, Align: AlignCenter},
			{Header: "Kết quả", Width: 1.8, Align: AlignCenter},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for i, m := range in.Models {
		votes, pct, result := "", "", "Chưa bầu"
		if m.Voted {
			votes, result = strconv.Itoa(m.VotesFor), "Không đạt"
			if c.Members > 0 {
				pct = Pct(100 * float64(m.VotesFor) / float64(c.Members))
			}
			if m.Selected(c, in.Threshold) {
				result = "Đạt"
			}
		}
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(m.Name), clean(m.Unit), votes, pct, result))
	}
	body = append(body, t)
	body = append(body, Heading{Text: "III. KẾT LUẬN"})
	sel := in.selected()
	if len(sel) == 0 {
		body = append(body, Paragraph{Text: "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."})
	} else {
		body = append(body, Paragraph{Text: "Hội nghị thống nhất lựa chọn " + subjectsPhrase(countModels(sel)) + " là gương điển hình tiên tiến " + span + " (có danh sách kèm theo)."})
	}
	body = append(body, Paragraph{Text: "Biên bản đã được thông qua tại Hội nghị./."})
	return nfcDocument(Document{
		Header: NewHeader(p, Number(0, "BB", p.DocNumberCode), c.Date),
		Kind:   "BIÊN BẢN",
		Title:  []string{"Hội nghị điển hình tiên tiến " + span},
		Body:   body,
		Signature: Signature{
			Left:  SignatureColumn{Position: "THƯ KÝ HỘI NGHỊ", Note: "(Ký, ghi rõ họ tên)"},
			Right: SignatureColumn{Position: "CHỦ TRÌ HỘI NGHỊ", Note: "(Ký, ghi rõ họ tên)", Name: clean(p.Director.Name)},
		},
	})
}

func countModels(ms []domain.ExemplaryModel) (collectives, people int) {
	for _, m := range ms {
		if m.Subject.Kind == domain.SubjectCollective {
			collectives++
		} else {
			people++
		}
	}
	return
}

// ModelsBooklet is the kỷ yếu of the period's exemplary models: a first
// page that says what it holds, then each model selected on a page of
// its own, with its record and its account.
func ModelsBooklet(in ModelsInput) Document {
	p := in.Profile
	span := modelsSpan(in.Period)
	sel := in.selected()
	intro := "Kỷ yếu giới thiệu " + subjectsPhrase(countModels(sel)) + " được Hội nghị điển hình tiên tiến " + span + " của " + officeName(p) + " lựa chọn"
	if cg := clean(in.Period.Congress); cg != "" {
		intro += ", tham dự " + cg
	}
	body := []Block{Paragraph{Text: intro + "."}}
	for i, m := range sel {
		body = append(body, PageBreak{})
		body = append(body, Heading{Text: strconv.Itoa(i+1) + ". " + Upper(clean(m.Name))})
		if u := clean(m.Unit); u != "" {
			body = append(body, Paragraph{Text: u, Style: Italic, NoIndent: true})
		}
		body = append(body, Heading{Text: "Thành tích tiêu biểu", Level: 2})
		var lines []string
		for _, r := range m.Reasons {
			lines = append(lines, clean(r.Text))
		}
		for _, l := range ListLines(lines, "- ") {
			body = append(body, Paragraph{Text: l})
		}
		if a := clean(m.Account); a != "" {
			body = append(body, Heading{Text: "Những việc làm tiêu biểu", Level: 2})
			body = append(body, paragraphs(a, "")...)
		}
	}
	if len(sel) == 0 {
		body = append(body, Paragraph{Text: "Hội nghị điển hình tiên tiến chưa lựa chọn tập thể, cá nhân nào."})
	}
	return nfcDocument(Document{
		Header:    NewHeader(p, "", in.Date),
		Kind:      "KỶ YẾU",
		Title:     []string{"Gương điển hình tiên tiến " + span},
		Body:      body,
		Signature: Signature{},
	})
}

// DelegateList is the office's delegation to the congress: the delegates
// named among the models, within the number the centre allots.
func DelegateList(in ModelsInput) Document {
	p := in.Profile
	var ds []domain.ExemplaryModel
	for _, m := range in.Models {
		if m.Delegate {
			ds = append(ds, m)
		}
	}
	congress := clean(in.Period.Congress)
	if congress == "" {
		congress = "Đại hội Thi đua yêu nước " + modelsSpan(in.Period)
	}
	var body []Block
	body = append(body, Paragraph{Text: "Số đại biểu được phân bổ: " + strconv.Itoa(in.Period.Delegates) + "; số đại biểu đề nghị: " + strconv.Itoa(len(ds)) + "."})
	t := Table{
		Columns: []Column{
			{Header: "STT", Width: 1, Align: AlignCenter},
			{Header: "Họ và tên", Width: 4},
			{Header: "Đơn vị công tác", Width: 4.6},
			{Header: "Thành tích tiêu biểu", Width: 5.4},
		},
		RepeatHeader: true,
		FontSize:     12,
	}
	for i, m := range ds {
		t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), clean(m.Name), clean(m.Unit), reasonsText(m.Reasons)))
	}
	body = append(body, t)
	return nfcDocument(Document{
		Header:     NewHeader(p, "", in.Date),
		Kind:       "DANH SÁCH",
		Title:      []string{"Đại biểu của " + officeName(p) + " dự " + congress},
		Body:       body,
		Signature:  Signature{Right: directorColumn(p)},
		Recipients: []string{parentName(p) + " (Ban Thi đua - Khen thưởng)", "Lưu: VT, TĐKT"},
	})
}
