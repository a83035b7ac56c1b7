// Package docs owns the document models: what a Tờ trình, a Báo cáo thành
// tích, a Biên bản, a Danh sách or a Bản đăng ký thi đua says, as plain data
// shaped after the components of an administrative document in NĐ 30/2020
// Phụ lục I (header with issuing body, number, place and date; kind and
// trích yếu; Kính gửi; body; signature; Nơi nhận).
//
// A Document is built first and rendered afterwards (internal/pdf is the only
// renderer and the only package that knows gofpdf), so what a document says
// is tested here as data, and how it looks is tested there. The package does
// no I/O and reads no clock.
package docs
