package rules

import (
	"strings"

	"tdkt/internal/domain"
)

// Authority is who confers awards (thẩm quyền quyết định khen thưởng): the
// office's own director, or a body above it that the office proposes to.
// Documents print what it says here, never a category label.
type Authority struct {
	Code string
	// Signer is the title of whoever decides, as a Tờ trình names him
	// ("Bộ trưởng Bộ Tài chính"); for the office's own director it is
	// built from the office's name instead.
	Signer string
	// Via is the body the office sends its proposal to (its Tờ trình's
	// "Kính gửi"), which forwards it to the signer; "" when the office
	// decides itself.
	Via string
	// Own: the office's director decides, on the advice of the office's
	// Hội đồng Thi đua - Khen thưởng, by a Quyết định of the office.
	Own bool
}

// Codes of the authorities of the default catalogue.
const (
	AuthDirector  = "GIAM_DOC"      // Giám đốc Bảo hiểm xã hội tỉnh
	AuthVSS       = "TONG_GIAM_DOC" // Tổng Giám đốc BHXH Việt Nam, until 28/02/2025
	AuthMinister  = "BO_TRUONG_BTC" // Bộ trưởng Bộ Tài chính, from 01/03/2025
	AuthPM        = "THU_TUONG"     // Thủ tướng Chính phủ
	AuthPresident = "CHU_TICH_NUOC" // Chủ tịch nước
)

// AwardAuthority says who confers an award over a period, and the award's
// full legal name in that period ("Bằng khen của Bộ trưởng Bộ Tài chính"),
// which every document prints. An award may change hands: VSS has been
// under the Ministry of Finance since 1 March 2025.
type AwardAuthority struct {
	ID        int64 // its row in the office's catalogue (0: not stored yet)
	Award     string
	Authority string
	FullName  string
	ValidFrom domain.Date // zero: open
	ValidTo   domain.Date // zero: open
}

// covers reports whether the row applies on day d.
func (a AwardAuthority) covers(d domain.Date) bool {
	return (a.ValidFrom.IsZero() || !d.Before(a.ValidFrom)) && (a.ValidTo.IsZero() || !a.ValidTo.Before(d))
}

// Conferral is who confers an award on a day, and its name then.
type Conferral struct {
	AwardAuthority
	Authority
}

// DecidedBy is whoever decides: the authority's signer, or, for an award
// of the office's own, its director (whose title the office's profile
// gives: "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh").
func (c Conferral) DecidedBy(director string) string {
	if c.Own {
		return director
	}
	return c.Signer
}

// ConferredBy is who confers the award on day d (the date of the round's
// proposals: the authority then in office decides). An award without an
// authority row for d is treated as the office's own, under its catalogue
// name, so that a catalogue edited by hand never leaves a document without
// an addressee.
func (c Catalogue) ConferredBy(award string, d domain.Date) Conferral {
	for _, aa := range c.AwardAuthorities {
		if aa.Award != award || !aa.covers(d) {
			continue
		}
		for _, au := range c.Authorities {
			if au.Code == aa.Authority {
				return Conferral{aa, au}
			}
		}
	}
	return Conferral{AwardAuthority{Award: award, Authority: AuthDirector, FullName: c.AwardName(award)},
		Authority{Code: AuthDirector, Own: true}}
}

// Own reports whether the office confers the award itself on day d.
func (c Catalogue) Own(award string, d domain.Date) bool { return c.ConferredBy(award, d).Own }

// defaultAuthorities are the authorities of the default catalogue.
func defaultAuthorities() []Authority {
	const vss = "Bảo hiểm xã hội Việt Nam"
	return []Authority{
		{Code: AuthDirector, Own: true},
		{Code: AuthVSS, Signer: "Tổng Giám đốc Bảo hiểm xã hội Việt Nam", Via: vss},
		{Code: AuthMinister, Signer: "Bộ trưởng Bộ Tài chính", Via: vss},
		{Code: AuthPM, Signer: "Thủ tướng Chính phủ", Via: vss},
		{Code: AuthPresident, Signer: "Chủ tịch nước", Via: vss},
	}
}

// defaultAwardAuthorities: the office's own titles and Giấy khen; the
// ministry-level awards of the Tổng Giám đốc until 28 February 2025 and of
// the Minister of Finance from 1 March 2025 (Quyết định 391/QĐ-BTC); the
// state awards of the Prime Minister and the President.
func defaultAwardAuthorities() []AwardAuthority {
	moved := domain.NewDate(2025, 3, 1)
	before := domain.NewDate(2025, 2, 28)
	out := []AwardAuthority{
		{Award: "LDTT", Authority: AuthDirector, FullName: "Lao động tiên tiến"},
		{Award: "CSTDCS", Authority: AuthDirector, FullName: "Chiến sĩ thi đua cơ sở"},
		{Award: "TTLDTT", Authority: AuthDirector, FullName: "Tập thể lao động tiên tiến"},
		{Award: "GK", Authority: AuthDirector, FullName: "Giấy khen"},
		{Award: "CSTD_TQ", Authority: AuthPM, FullName: "Chiến sĩ thi đua toàn quốc"},
		{Award: "CO_CP", Authority: AuthPM, FullName: "Cờ thi đua của Chính phủ"},
		{Award: "BK_TTG", Authority: AuthPM, FullName: "Bằng khen của Thủ tướng Chính phủ"},
		{Award: "HCLD3", Authority: AuthPresident, FullName: "Huân chương Lao động hạng Ba"},
	}
	for _, m := range []struct{ award, vss, ministry string }{
		{"CSTD_BO", "Chiến sĩ thi đua ngành Bảo hiểm xã hội", "Chiến sĩ thi đua Bộ Tài chính"},
		{"TTLDXS", "Tập thể lao động xuất sắc", "Tập thể lao động xuất sắc"},
		{"CO_BO", "Cờ thi đua của Bảo hiểm xã hội Việt Nam", "Cờ thi đua của Bộ Tài chính"},
		{"BK_BO", "Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "Bằng khen của Bộ trưởng Bộ Tài chính"},
	} {
		out = append(out,
			AwardAuthority{Award: m.award, Authority: AuthVSS, FullName: m.vss, ValidTo: before},
			AwardAuthority{Award: m.award, Authority: AuthMinister, FullName: m.ministry, ValidFrom: moved})
	}
	return out
}

// Misattributed reports whether an award record names a body above the
// office as issuer of an award that the office's director confers (on the
// decision's date, or at the start of the next year when it has none):
// a record the centre's feedback once wrote for the office's own title.
// Such records are flagged for the clerk to correct from the office's own
// decision, never changed silently.
func (c Catalogue) Misattributed(a domain.AwardRecord) bool {
	issuer := domain.Fold(a.Issuer)
	if issuer == "" || !c.Own(a.AwardCode, a.DecidedOn()) {
		return false
	}
	for _, au := range c.Authorities {
		if au.Own {
			continue
		}
		for _, name := range []string{au.Signer, au.Via} {
			if n := domain.Fold(name); n != "" && strings.Contains(issuer, n) {
				return true
			}
		}
	}
	return false
}
