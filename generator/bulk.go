package generator

import (
	"strings"
)

// Bulk describes a request body whose lists may be sent in chunks; the
// client gets a method that splits one call into several.
//
// The rule: the required JSON request body is an object with list
// properties, directly or in one required object property (members.emails),
// and the operation says that it takes many items at once: a list declares
// maxItems, the operationId or path contains "bulk" or "batch", or the
// operation documents 413 Payload Too Large. A body list that merely belongs
// to one item (a registrant's custom questions) gives no helper.
type Bulk struct {
	// Parent is the object property that holds the lists; nil when they are
	// properties of the body itself.
	Parent *Field
	// Lists are the list properties that are split, in property order. The
	// chunks take items from them one list after the other.
	Lists []*Field
	// DefaultChunk is the chunk size used when the caller gives none:
	// livegen.yaml's chunkSizes for the operation, else MaxItems.
	DefaultChunk uint64
	// MaxItems is the smallest maxItems of the lists: the default and largest
	// chunk size. 0 when no list declares one; the caller then chooses.
	MaxItems uint64
	// Merge says how the answers of the chunks are put together.
	Merge BulkMerge
	// Answer is the success answer whose list is merged (MergeConcat,
	// MergeItems); ItemsField is its items property (MergeItems).
	Answer     *Response
	ItemsField *Field
	// Item is the type of one merged element (MergeConcat, MergeItems).
	Item *TypeRef

	// Method is the Go name of the client method that sends the chunks
	// ("BulkInviteLiveParticipantsInChunks"); ChunkSizeVar is its parameter
	// for the chunk size.
	Method, ChunkSizeVar string
}

// BulkMerge says how the answers of a chunked call are merged.
type BulkMerge int

const (
	// MergeNone: the success answers have no body; only errors are reported.
	MergeNone BulkMerge = iota + 1
	// MergeConcat: the answer is a list; the lists are concatenated.
	MergeConcat
	// MergeItems: the answer is an object with a list property items; the
	// items are concatenated.
	MergeItems
	// MergeCollect: any other answer; the answers are collected, one per chunk.
	MergeCollect
)

// detectBulk recognises bulk operations.
func (b *builder) detectBulk(o *Operation) {
	body := o.Body
	if body == nil || !body.Required || !body.JSON || body.Type == nil || body.Type.Kind != RefNamed || body.Type.Named.Kind != KindStruct {
		return
	}
	parent, lists := bulkLists(body.Type.Named)
	if len(lists) == 0 {
		return
	}
	bulk := &Bulk{Parent: parent, Lists: lists, MaxItems: smallestMaxItems(lists)}
	if bulk.MaxItems == 0 && !saysBulk(o) {
		return
	}
	bulk.DefaultChunk = bulk.MaxItems
	if n := b.opts.Overrides.ChunkSize(o.ID); n > 0 {
		bulk.DefaultChunk = uint64(n)
	}
	bulk.merge(clientSuccesses(o))
	o.Bulk = bulk
}

// bulkLists finds the list properties of a body: its own, or else those of
// its first required object property that has some.
func bulkLists(t *Type) (*Field, []*Field) {
	if lists := listFields(t); len(lists) > 0 {
		return nil, lists
	}
	for _, f := range t.Fields {
		if f.Shape() != ShapeValue || f.Type.Kind != RefNamed || f.Type.Named.Kind != KindStruct {
			continue
		}
		if lists := listFields(f.Type.Named); len(lists) > 0 {
			return f, lists
		}
	}
	return nil, nil
}

// listFields lists the properties of t that are plain slices (not nullable,
// not pointers), which a chunk can cut.
func listFields(t *Type) []*Field {
	var out []*Field
	for _, f := range t.Fields {
		shape := f.Shape()
		if f.Type.Kind == RefSlice && (shape == ShapeValue || shape == ShapeOmitZero) {
			out = append(out, f)
		}
	}
	return out
}

func smallestMaxItems(lists []*Field) uint64 {
	var least uint64
	for _, f := range lists {
		if m := f.Type.Constraints.MaxItems; m != nil && *m > 0 && (least == 0 || *m < least) {
			least = *m
		}
	}
	return least
}

// saysBulk reports whether an operation presents itself as taking many items:
// by its name or path, or by documenting 413 Payload Too Large.
func saysBulk(o *Operation) bool {
	for _, s := range []string{o.ID, o.Name, o.Path} {
		s = strings.ToLower(s)
		if strings.Contains(s, "bulk") || strings.Contains(s, "batch") {
			return true
		}
	}
	for _, r := range o.Responses {
		if r.Status == 413 {
			return true
		}
	}
	return false
}

// merge decides how the answers are merged from the success answers that
// have a body: one list is concatenated, one object with items has its items
// concatenated, anything else is collected.
func (bk *Bulk) merge(successes []*Response) {
	var withBody []*Response
	for _, r := range successes {
		if r.Type != nil {
			withBody = append(withBody, r)
		}
	}
	switch {
	case len(withBody) == 0:
		bk.Merge = MergeNone
		return
	case len(withBody) > 1 || !withBody[0].JSON:
		bk.Merge = MergeCollect
		return
	}
	answer := withBody[0]
	switch t := answer.Type; {
	case t.Kind == RefSlice:
		bk.Merge, bk.Answer, bk.Item = MergeConcat, answer, t.Elem
	case t.Kind == RefNamed && t.Named.Kind == KindStruct && itemsField(t.Named) != nil:
		items := itemsField(t.Named)
		bk.Merge, bk.Answer, bk.ItemsField, bk.Item = MergeItems, answer, items, items.Type.Elem
	default:
		bk.Merge = MergeCollect
	}
}
