package templates

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"
)

// maxFileBytes is the size above which a generated file is cut into parts:
// editors and gopls slow down on single files of several megabytes, while
// the compiler does not care how a package is spread over files.
const maxFileBytes = 1 << 20

// splitLarge cuts a rendered file larger than limit into parts of at most
// limit bytes each (a declaration larger than limit gets a part of its own),
// at top-level declarations and in their order, so that the layout depends
// on the content alone. The first part keeps the name; the others are
// numbered: server.gen.go, server_2.gen.go, server_3.gen.go. Each part
// imports only the packages its declarations use.
func splitLarge(f File, limit int) ([]File, error) {
	if len(f.Content) <= limit {
		return []File{f}, nil
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("%s: split: %w", f.Name, err)
	}
	src := f.Content
	offset := func(p token.Pos) int { return fset.Position(p).Offset }
	var decls []ast.Decl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		decls = append(decls, d)
	}
	if len(decls) < 2 {
		return []File{f}, nil
	}
	// The file is head, imports, then declarations; each declaration's
	// segment runs from the end of the previous one to the end of its line,
	// so doc and free comments travel with the declaration that follows.
	header := src[:offset(file.Package)]
	start := offset(file.Name.End())
	if len(file.Imports) > 0 {
		last := file.Decls[0]
		for _, d := range file.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				last = d
			}
		}
		start = lineEnd(src, offset(last.End()))
	}
	type segment struct {
		text []byte
		decl ast.Decl
	}
	segments := make([]segment, len(decls))
	for i, d := range decls {
		end := lineEnd(src, offset(d.End()))
		if i == len(decls)-1 {
			end = len(src)
		}
		segments[i] = segment{text: src[start:end], decl: d}
		start = end
	}
	// Room for the part's head and imports, so that parts stay under limit.
	budget := max(limit-len(header)-1024, 1)
	var parts [][]segment
	size := 0
	for _, s := range segments {
		if len(parts) == 0 || size+len(s.text) > budget && size > 0 {
			parts = append(parts, nil)
			size = 0
		}
		parts[len(parts)-1] = append(parts[len(parts)-1], s)
		size += len(s.text)
	}
	generatedLine := header
	if i := bytes.IndexByte(header, '\n'); i >= 0 {
		generatedLine = header[:i+1]
	}
	imports := importNames(file)
	files := make([]File, len(parts))
	for i, part := range parts {
		var b bytes.Buffer
		if i == 0 {
			b.Write(header)
		} else {
			b.Write(generatedLine)
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "package %s\n", file.Name.Name)
		used := map[string]bool{}
		for _, s := range part {
			markUsedImports(s.decl, imports, used)
		}
		writeImports(&b, imports, used)
		for _, s := range part {
			b.Write(s.text)
		}
		// The segments come formatted and the head is written as gofmt
		// writes it, so the part needs no second go/format pass.
		files[i] = File{Name: partName(f.Name, i), Content: bytes.Clone(b.Bytes())}
	}
	return files, nil
}

// partName numbers the parts after the first: server.gen.go, server_2.gen.go.
func partName(name string, i int) string {
	if i == 0 {
		return name
	}
	base, ext := name, ""
	if j := strings.Index(name, "."); j >= 0 {
		base, ext = name[:j], name[j:]
	}
	return base + "_" + strconv.Itoa(i+1) + ext
}

// lineEnd is the offset just past the end of the line holding at, so that a
// trailing comment stays with its declaration.
func lineEnd(src []byte, at int) int {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return at + i + 1
	}
	return len(src)
}

// importNames maps the name each import is used by to its spec's text.
func importNames(file *ast.File) map[string]string {
	names := map[string]string{}
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if spec.Name != nil {
			name = spec.Name.Name
		} else if isMajorVersion(name) {
			name = path.Base(path.Dir(p))
		}
		text := spec.Path.Value
		if spec.Name != nil {
			text = spec.Name.Name + " " + text
		}
		names[name] = text
	}
	return names
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

// markUsedImports marks the imports that a declaration refers to as
// pkg.Name; a name the parser resolved to a declaration of the file is not
// a package, whatever it is called.
func markUsedImports(d ast.Decl, imports map[string]string, used map[string]bool) {
	ast.Inspect(d, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil && imports[id.Name] != "" {
				used[id.Name] = true
			}
		}
		return true
	})
}

func writeImports(b *bytes.Buffer, imports map[string]string, used map[string]bool) {
	var specs []string
	for name := range used {
		specs = append(specs, imports[name])
	}
	if len(specs) == 0 {
		return
	}
	sortImports(specs)
	b.WriteString("\nimport (\n")
	for _, s := range specs {
		b.WriteString("\t" + s + "\n")
	}
	b.WriteString(")\n")
}

// sortImports sorts import specs by path, as gofmt and jennifer order them.
func sortImports(specs []string) {
	slices.SortStableFunc(specs, func(a, b string) int { return strings.Compare(importPathOf(a), importPathOf(b)) })
}

// importPathOf is the quoted path of an import spec: `name "path"` or
// `"path"`.
func importPathOf(spec string) string {
	if i := strings.IndexByte(spec, '"'); i >= 0 {
		return spec[i:]
	}
	return spec
}
