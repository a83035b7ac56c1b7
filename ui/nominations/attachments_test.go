package nominations

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"tdkt/ui/kit"
)

// TestAttachments_AttachOpenRemove attaches a file to a nominee, opens it
// and removes it, as a clerk does from the Hồ sơ tab.
func TestAttachments_AttachOpenRemove(t *testing.T) {
	f := newFixture(t)
	var opened string
	openFile = func(p string) error { opened = p; return nil }
	t.Cleanup(func() { openFile = kit.OpenFile })

	f.createRound("Đợt thử đính kèm")
	rt := f.v.rounds
	rt.propose(awardFree)
	if f.v.lastErr != nil || len(rt.nominees) == 0 {
		t.Fatalf("propose: %v, %d nominees", f.v.lastErr, len(rt.nominees))
	}
	n := rt.nominees[0]
	rt.selectNomineeID(n.ID)
	a := rt.editor.attach
	if len(a.files) != 0 || !a.empty.Visible() {
		t.Fatalf("a new nominee lists files %v", a.files)
	}

	content := []byte("%PDF-1.4 bản chụp quyết định")
	a.attach("QD 12-QĐ-BHXH.pdf", content)
	if f.v.lastErr != nil {
		t.Fatal(f.v.lastErr)
	}
	if !slices.Equal(a.files, []string{"QD 12-QĐ-BHXH.pdf"}) || a.empty.Visible() {
		t.Fatalf("after attaching, the list shows %v", a.files)
	}
	if a.list.Length() != 1 {
		t.Errorf("list length %d", a.list.Length())
	}
	got, err := f.svc.NomineeFile(f.ctx, n.ID, "QD 12-QĐ-BHXH.pdf")
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("NomineeFile = %q, %v", got, err)
	}
	cl, err := f.svc.Checklist(f.ctx, rt.round.ID)
	if err != nil || !slices.Equal(rt.editor.checklist, cl[n.ID]) {
		t.Errorf("checklist not re-read after attaching: %v", err)
	}
	if cur, _ := rt.nominee(n.ID); !slices.Equal(cur.Attachments, a.files) {
		t.Errorf("round table keeps attachments %v", cur.Attachments)
	}

	a.open("QD 12-QĐ-BHXH.pdf")
	if opened == "" || opened != a.lastPath {
		t.Fatalf("opened %q", opened)
	}
	if b, err := os.ReadFile(opened); err != nil || !bytes.Equal(b, content) {
		t.Errorf("file written for opening holds %q, %v", b, err)
	}
	os.RemoveAll(strings.TrimSuffix(opened, "QD 12-QĐ-BHXH.pdf"))

	a.askRemove("QD 12-QĐ-BHXH.pdf")
	if f.v.confirm == nil {
		t.Fatal("removing asks no confirmation")
	}
	f.v.confirm.Confirm()
	if f.v.lastErr != nil {
		t.Fatal(f.v.lastErr)
	}
	if len(a.files) != 0 || !a.empty.Visible() {
		t.Errorf("after removing, the list shows %v", a.files)
	}
	if _, err := f.svc.NomineeFile(f.ctx, n.ID, "QD 12-QĐ-BHXH.pdf"); err == nil {
		t.Error("the removed file is still stored")
	}
}
