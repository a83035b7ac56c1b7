package docs

import (
	"reflect"
	"testing"

	"tdkt/internal/domain"
)

func centralSample() CentralReportInput {
	n := func(unit, name string, sub domain.SubjectKind, code, award string, eligible, passed bool, d domain.NomineeDecision) CentralNomination {
		return CentralNomination{UnitCode: unit, UnitName: "BHXH " + unit, Subject: sub, Code: code, Name: name, Award: award, AwardName: award,
			Eligible: eligible, Passed: passed, Voted: true, Decision: d}
	}
	return CentralReportInput{
		Year: 2025, Centre: "Bảo hiểm xã hội Việt Nam", Date: domain.MustDate("01/03/2026"),
		AwardOrder: []string{"CSTD_BO", "CSTDCS", "LDTT", "TTLDXS"},
		Nominations: []CentralNomination{
			n("QNI", "Trần Văn Bình", domain.SubjectPerson, "Q2", "LDTT", true, true, domain.DecisionGranted),
			n("HTI", "Nguyễn Thị Ánh", domain.SubjectPerson, "H1", "CSTDCS", true, true, domain.DecisionRefused),
			n("HTI", "Phòng Kế toán", domain.SubjectCollective, "HTI-KT", "TTLDXS", true, true, ""),
			n("HTI", "Lê Văn An", domain.SubjectPerson, "H2", "CSTDCS", false, false, ""),
			n("HTI", "Lê Văn Cường", domain.SubjectPerson, "H3", "CSTD_BO", true, false, ""),
		},
		Assessments: []CentralAssessment{
			{UnitCode: "HTI", UnitName: "BHXH HTI", Cluster: "Cụm 3", Total: 95, Max: 100},
			{UnitCode: "QNI", UnitName: "BHXH QNI", Cluster: "Cụm 3", Total: 97.5, Max: 100},
			{UnitCode: "NAN", UnitName: "BHXH NAN", Cluster: "Cụm 3", Total: 95, Max: 100},
			{UnitCode: "HPG", UnitName: "BHXH HPG", Cluster: "Cụm 1", Total: 90, Max: 100},
			{UnitCode: "XYZ", UnitName: "BHXH XYZ", Total: 80, Max: 100},
		},
	}
}

func TestBuildCentralReport(t *testing.T) {
	r := BuildCentralReport(centralSample())
	// Offices by code, those with only an assessment included.
	var codes []string
	for _, o := range r.Offices {
		codes = append(codes, o.UnitCode)
	}
	if !reflect.DeepEqual(codes, []string{"HPG", "HTI", "NAN", "QNI", "XYZ"}) {
		t.Errorf("offices %v", codes)
	}
	hti := r.Offices[1]
	if hti.Total != (AwardCount{Nominations: 4, Eligible: 3, Passed: 2, Refused: 1}) {
		t.Errorf("HTI total %+v", hti.Total)
	}
	var awards []string
	for _, a := range hti.Awards {
		awards = append(awards, a.Award)
	}
	if !reflect.DeepEqual(awards, []string{"CSTD_BO", "CSTDCS", "TTLDXS"}) || hti.Awards[1].Nominations != 2 || hti.Awards[1].Eligible != 1 {
		t.Errorf("HTI by award %+v", hti.Awards)
	}
	if r.Total.Nominations != 5 || r.Total.Granted != 1 || len(r.Awards) != 4 || r.Awards[2].Award != "LDTT" || r.Awards[2].Granted != 1 {
		t.Errorf("nationwide %+v %+v", r.Total, r.Awards)
	}
	// The list: by office, collectives first, award order, then given name.
	var names []string
	for _, n := range r.Nominations {
		names = append(names, n.Name)
	}
	want := []string{"Phòng Kế toán", "Lê Văn Cường", "Lê Văn An", "Nguyễn Thị Ánh", "Trần Văn Bình"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("list order %q, want %q", names, want)
	}
	// Clusters by name, the unnamed last; equal totals share a rank.
	if len(r.Clusters) != 3 || r.Clusters[0].Cluster != "Cụm 1" || r.Clusters[1].Cluster != "Cụm 3" || r.Clusters[2].Cluster != "" {
		t.Fatalf("clusters %+v", r.Clusters)
	}
	c3 := r.Clusters[1].Offices
	got := []ClusterRank{{Rank: c3[0].Rank, UnitCode: c3[0].UnitCode}, {Rank: c3[1].Rank, UnitCode: c3[1].UnitCode}, {Rank: c3[2].Rank, UnitCode: c3[2].UnitCode}}
	if !reflect.DeepEqual(got, []ClusterRank{{Rank: 1, UnitCode: "QNI"}, {Rank: 2, UnitCode: "HTI"}, {Rank: 2, UnitCode: "NAN"}}) {
		t.Errorf("Cụm 3 ranking %+v", c3)
	}
	if empty := BuildCentralReport(CentralReportInput{Year: 2025}); len(empty.Offices) != 0 || len(empty.Clusters) != 0 || empty.Total.Nominations != 0 {
		t.Errorf("empty report %+v", empty)
	}
}
