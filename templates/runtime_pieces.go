package templates

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// The runtime package is the same Go for every spec that uses the same of
// its parts, so formatting it again on every run is wasted work: it was
// more than a quarter of rendering MeltingSpot. Its files are therefore
// made of pieces, runs of declarations that depend only on an argument
// from a short, listed domain. Every piece is rendered and formatted for
// every argument when livegen is built (runtime_pieces.txt, written by
// `go test ./templates -update`, which make generate runs); a run looks the
// pieces up and joins them. Parts that follow the spec too closely to list
// (a set of operand types, say) are rendered on the spot, as the API
// package is.
//
// The table is tested to match what the pieces render. After a change to a
// piece's renderer, make generate rewrites it: until then runs keep the old
// text, and the test fails. A piece missing from it is rendered on the spot.

// runtimePiece renders declarations of the runtime from an argument A, one
// of args; render reads nothing else.
type runtimePiece[A comparable] struct {
	name   string
	args   []A
	render func(f *jen.File, arg A)
}

// anyPiece is a runtimePiece of any argument type, for the table.
type anyPiece interface {
	variants() []pieceCall
}

// runtimePieces lists every piece, in declaration order.
var runtimePieces []anyPiece

// newPiece declares a piece and lists it for the table.
func newPiece[A comparable](name string, args []A, render func(f *jen.File, arg A)) *runtimePiece[A] {
	p := &runtimePiece[A]{name: name, args: args, render: render}
	runtimePieces = append(runtimePieces, p)
	return p
}

// noArg is the argument of a piece that has no variants.
type noArg struct{}

// newFixedPiece declares a piece without variants.
func newFixedPiece(name string, render func(f *jen.File)) *runtimePiece[noArg] {
	return newPiece(name, []noArg{{}}, func(f *jen.File, _ noArg) { render(f) })
}

// pieceCall is a piece with its argument, or declarations already built
// (file) that are rendered on the spot.
type pieceCall struct {
	key    string
	render func(f *jen.File)
	file   *jen.File
}

// call is the piece with arg; its key is the piece's name, with the
// argument in parentheses when it has several: clientSend({auth:true ...}).
func (p *runtimePiece[A]) call(arg A) pieceCall {
	key := p.name
	if len(p.args) > 1 {
		key = fmt.Sprintf("%s(%+v)", p.name, arg)
	}
	return pieceCall{key: key, render: func(f *jen.File) { p.render(f, arg) }}
}

// livePiece is a call rendered on the spot at every run: for a piece whose
// argument has too many values to list (a set of kinds, say) and which is
// small enough that formatting it costs little.
func livePiece(render func(f *jen.File)) pieceCall { return pieceCall{render: render} }

// fixed is the call of a piece without variants.
func (p *runtimePiece[A]) fixed() pieceCall {
	var zero A
	return p.call(zero)
}

func (p *runtimePiece[A]) variants() []pieceCall {
	calls := make([]pieceCall, len(p.args))
	for i, a := range p.args {
		calls[i] = p.call(a)
	}
	return calls
}

// pieceAPIPackage stands in a piece for the name of the generated package,
// which the client's error messages start with; joining puts the name in.
// It only ever appears in string literals, where its length moves nothing.
const pieceAPIPackage = "livegenAPIPackage"

// bothBools is the domain of a bool argument.
var bothBools = []bool{false, true}

// pieceText is a piece rendered and formatted: its imports as gofmt writes
// them in a block ("encoding/json", or name "path"), its declarations, and
// what gofmt looks at where two pieces meet.
type pieceText struct {
	imports   []string
	body      string
	firstDecl string // func, var, const, type; "" for a piece that renders nothing
	firstDoc  bool
	lastDecl  string
}

// runtimeText collects the pieces of one runtime file in order.
type runtimeText struct {
	api   *generator.API
	calls []pieceCall
}

func newRuntimeText(api *generator.API) *runtimeText { return &runtimeText{api: api} }

func (t *runtimeText) add(c pieceCall) { t.calls = append(t.calls, c) }

// live is a file for declarations built now and rendered on the spot, which
// follow the pieces added so far: the same file until the next piece.
func (t *runtimeText) live() *jen.File {
	if n := len(t.calls); n > 0 && t.calls[n-1].file != nil {
		return t.calls[n-1].file
	}
	f := newPieceFile()
	t.calls = append(t.calls, pieceCall{file: f})
	return f
}

// newPieceFile starts a file of the runtime package without a header.
func newPieceFile() *jen.File {
	f := jen.NewFilePathName(runtimeImport, runtimeName)
	f.ImportName("encoding/json", "json")
	return f
}

// bytes joins the pieces into the file that rendering them together would
// give: the header, the union of their imports, their declarations.
func (t *runtimeText) bytes() ([]byte, error) {
	texts := make([]pieceText, 0, len(t.calls))
	for _, c := range t.calls {
		text, ok := pieceTable()[c.key]
		if !ok {
			var err error
			if text, err = renderPiece(c); err != nil {
				return nil, err
			}
		}
		text.body = strings.ReplaceAll(text.body, pieceAPIPackage, t.api.Package)
		if text.firstDecl != "" {
			texts = append(texts, text)
		}
	}
	head, err := render(newRuntimeFile(t.api))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Write(head)
	out.WriteString("\n")
	writePieceImports(&out, texts)
	separate := true
	for i, text := range texts {
		if i > 0 {
			// gofmt leaves a blank line between declarations of different
			// kinds or before a documented one; elsewhere the lines meet,
			// and may align across the seam, so gofmt decides.
			separate = separate && (texts[i-1].lastDecl != text.firstDecl || text.firstDoc)
			out.WriteString("\n")
		}
		out.WriteString(text.body)
	}
	if !separate {
		return format.Source(out.Bytes())
	}
	return out.Bytes(), nil
}

// writePieceImports writes the import declaration of the pieces, as jennifer
// writes it: one import on its own line, several in a block sorted by path.
func writePieceImports(out *bytes.Buffer, texts []pieceText) {
	var lines []string
	for _, text := range texts {
		lines = append(lines, text.imports...)
	}
	sortImports(lines)
	lines = slices.Compact(lines)
	switch len(lines) {
	case 0:
		return
	case 1:
		out.WriteString("import " + lines[0] + "\n\n")
	default:
		out.WriteString("import (\n\t" + strings.Join(lines, "\n\t") + "\n)\n\n")
	}
}

// renderPiece renders and formats one piece on its own, and reads back its
// imports and where its declarations start.
func renderPiece(c pieceCall) (pieceText, error) {
	f := c.file
	if f == nil {
		f = newPieceFile()
		c.render(f)
	}
	src, err := render(f)
	if err != nil {
		return pieceText{}, fmt.Errorf("runtime piece %s: %w", c.key, err)
	}
	file, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return pieceText{}, fmt.Errorf("runtime piece %s: %w", c.key, err)
	}
	var text pieceText
	for _, spec := range file.Imports {
		line := spec.Path.Value
		if spec.Name != nil {
			line = spec.Name.Name + " " + line
		}
		text.imports = append(text.imports, line)
	}
	after := file.Name.End() // the declarations start after the package clause and imports
	var decls []ast.Decl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			after = d.End()
			continue
		}
		decls = append(decls, d)
	}
	if len(decls) == 0 {
		return text, nil
	}
	text.body = strings.TrimLeft(string(src[after-file.FileStart:]), "\n")
	text.firstDecl, text.firstDoc = declKind(decls[0]), astDoc(decls[0]) != nil
	text.lastDecl = declKind(decls[len(decls)-1])
	return text, nil
}

func astDoc(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

func declKind(d ast.Decl) string {
	if g, ok := d.(*ast.GenDecl); ok {
		return g.Tok.String()
	}
	return "func"
}

// The table of pieces is text, one piece after another, so that a change to
// the runtime reads as a change to Go code in a diff:
//
//	=== piece jsonWriter{}
//	import "encoding/json"
//	first func doc
//	last func
//	---
//	// ServerBuffers keeps answer buffers between requests; ...
//
// A piece that renders nothing has no first, last or body.
const pieceMarker = "=== piece "

//go:embed runtime_pieces.txt
var pieceTableText string

// pieceTable reads the table once.
var pieceTable = sync.OnceValue(func() map[string]pieceText { return parsePieceTable(pieceTableText) })

func parsePieceTable(text string) map[string]pieceText {
	table := map[string]pieceText{}
	for text != "" {
		entry := strings.TrimPrefix(text, pieceMarker)
		text = ""
		if end := strings.Index(entry, "\n"+pieceMarker); end >= 0 {
			entry, text = entry[:end+1], entry[end+1:]
		}
		head, body, _ := strings.Cut(entry, "\n---\n")
		lines := strings.Split(head, "\n")
		p := pieceText{body: body}
		for _, line := range lines[1:] {
			word, rest, _ := strings.Cut(line, " ")
			switch word {
			case "import":
				p.imports = append(p.imports, rest)
			case "first":
				p.firstDecl, p.firstDoc = strings.CutSuffix(rest, " doc")
			case "last":
				p.lastDecl = rest
			}
		}
		table[lines[0]] = p
	}
	return table
}

// formatPieceTable writes texts as parsePieceTable reads them, by key.
func formatPieceTable(texts map[string]pieceText) []byte {
	var b bytes.Buffer
	for _, key := range slices.Sorted(maps.Keys(texts)) {
		p := texts[key]
		b.WriteString(pieceMarker + key + "\n")
		for _, line := range p.imports {
			b.WriteString("import " + line + "\n")
		}
		if p.firstDecl != "" {
			doc := ""
			if p.firstDoc {
				doc = " doc"
			}
			b.WriteString("first " + p.firstDecl + doc + "\nlast " + p.lastDecl + "\n")
		}
		b.WriteString("---\n" + p.body)
	}
	return b.Bytes()
}
