package docs

import (
	"errors"
	"fmt"
)

// ErrInvalidDocument is wrapped by every problem Validate finds. Such a
// problem is a bug in the code that built the document, not in people's
// data, so the message says where in the document it is.
var ErrInvalidDocument = errors.New("văn bản không hợp lệ")

// Validate checks what the renderer relies on: a known orientation, no nil
// blocks, tables with columns, non-negative widths, and rows with no more
// cells than columns (fewer are padded with empty cells).
func (d Document) Validate() error {
	if d.Orientation > Landscape {
		return fmt.Errorf("%w: hướng trang %d không có", ErrInvalidDocument, d.Orientation)
	}
	for i, b := range d.Body {
		switch b := Value(b).(type) {
		case nil:
			return fmt.Errorf("%w: khối %d của phần nội dung trống", ErrInvalidDocument, i+1)
		case Table:
			if err := b.validate(); err != nil {
				return fmt.Errorf("%w: bảng ở khối %d: %v", ErrInvalidDocument, i+1, err)
			}
		}
	}
	return nil
}

// Value returns the block itself for a block given by pointer (&Table{…}),
// nil for a nil pointer, and b otherwise, so consumers switch on values only.
func Value(b Block) Block {
	switch p := b.(type) {
	case *Paragraph:
		if p != nil {
			return *p
		}
	case *Heading:
		if p != nil {
			return *p
		}
	case *Table:
		if p != nil {
			return *p
		}
	case *PageBreak:
		if p != nil {
			return *p
		}
	default:
		return b
	}
	return nil
}

func (t Table) validate() error {
	if len(t.Columns) == 0 {
		return errors.New("không có cột nào")
	}
	for i, c := range t.Columns {
		if c.Width < 0 {
			return fmt.Errorf("cột %d có độ rộng âm", i+1)
		}
	}
	if t.FontSize < 0 {
		return errors.New("cỡ chữ âm")
	}
	for i, r := range t.Rows {
		switch {
		case r.Group && len(r.Cells) != 1:
			return fmt.Errorf("dòng %d là dòng nhóm nhưng có %d ô, cần đúng 1", i+1, len(r.Cells))
		case !r.Group && len(r.Cells) > len(t.Columns):
			return fmt.Errorf("dòng %d có %d ô, nhiều hơn %d cột", i+1, len(r.Cells), len(t.Columns))
		}
	}
	return nil
}

// Widths shares total among the columns in proportion to their relative
// widths; when no column has a width they share it equally.
func (t Table) Widths(total float64) []float64 {
	sum := 0.0
	for _, c := range t.Columns {
		sum += c.Width
	}
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		if sum == 0 {
			out[i] = total / float64(len(t.Columns))
		} else {
			out[i] = total * c.Width / sum
		}
	}
	return out
}
