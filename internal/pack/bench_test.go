package pack

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// roundFiles is a package the size of a 300-nominee round: ~25 MB of
// documents in 60 PDFs, 3 spreadsheets, a 1 MB data.json and 50
// attachments of 200 KB. The content is pseudo-random, the worst case
// for deflate, except data.json, which is JSON.
func roundFiles() []File {
	var files []File
	for i := range 60 {
		files = append(files, File{Path: fmt.Sprintf("pdf/bao-cao-thanh-tich-%02d.pdf", i), Content: noise(uint64(100+i), 420<<10)})
	}
	for i := range 3 {
		files = append(files, File{Path: fmt.Sprintf("xlsx/danh-sach-%d.xlsx", i), Content: noise(uint64(200+i), 300<<10)})
	}
	for i := range 50 {
		files = append(files, File{Path: fmt.Sprintf("attachments/minh-chung-%02d.bin", i), Content: noise(uint64(300+i), 200<<10)})
	}
	var data bytes.Buffer
	data.WriteString(`{"nominations":[`)
	for i := 0; data.Len() < 1<<20; i++ {
		if i > 0 {
			data.WriteString(",")
		}
		fmt.Fprintf(&data, `{"id":%d,"subject":"person","code":"NV%05d","name":"Nguyễn Thị Hồng Nhung %d","unit_code":"BHXH-HN","award":"CSTDCS","eligible":true,"justification":"Hoàn thành xuất sắc nhiệm vụ năm %d"}`, i, i, i, 2025)
	}
	data.WriteString("]}")
	return append(files, File{Path: "data.json", Content: data.Bytes()})
}

func BenchmarkBuildVerify(b *testing.B) {
	_, priv := testKey(1)
	_, recipient, err := NewAgeIdentity()
	if err != nil {
		b.Fatal(err)
	}
	files := roundFiles()
	var total int64
	for _, f := range files {
		total += int64(len(f.Content))
	}
	for _, sc := range []struct {
		name      string
		recipient string
	}{{"plain", ""}, {"encrypted", recipient}} {
		b.Run(sc.name, func(b *testing.B) {
			b.SetBytes(total)
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if _, err := Build(context.Background(), &buf, files, BuildOptions{Manifest: sampleManifest(), Key: priv, Recipient: sc.recipient}); err != nil {
					b.Fatal(err)
				}
				if p := VerifyBytes(buf.Bytes(), VerifyOptions{}); !p.Valid() {
					b.Fatalf("package does not verify: %+v", p.Problems)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/(1<<20), "MiB/package")
		})
	}
}
