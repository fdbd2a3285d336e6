package loader

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Documents in several files.
//
// kin-openapi follows relative $refs across files and folders itself. The
// loader reads the other files only to say where something is: a pointer
// into the loaded document that passes through a $ref to another file is
// followed into that file (Locate), and a load that fails is searched for
// the $ref that names a missing file or fragment (brokenFileRef).

// fileSet parses the files a document's $refs name, once each.
type fileSet struct {
	trees map[string]*sourceTree // by absolute path
	errs  map[string]error
}

func (f *fileSet) tree(abs string) (*sourceTree, error) {
	if f.trees == nil {
		f.trees, f.errs = map[string]*sourceTree{}, map[string]error{}
	}
	if t, ok := f.trees[abs]; ok {
		return t, f.errs[abs]
	}
	data, err := os.ReadFile(abs)
	var t *sourceTree
	if err == nil {
		t, err = parseSourceSafely(data)
		if err == nil && t == nil {
			err = fmt.Errorf("the file is empty")
		}
	}
	f.trees[abs], f.errs[abs] = t, err
	return t, err
}

// fileRef splits a $ref into a file, resolved against the folder of the
// file it is written in (empty for a reference inside that file), and its
// fragment. ok is false for URLs and absolute paths, which are not followed.
func fileRef(fromAbs, ref string) (abs, fragment string, ok bool) {
	file, fragment, _ := strings.Cut(ref, "#")
	if file == "" {
		return "", fragment, true
	}
	if strings.Contains(file, "://") || path.IsAbs(file) || filepath.IsAbs(file) || fromAbs == "" {
		return "", "", false
	}
	return filepath.Join(filepath.Dir(fromAbs), filepath.FromSlash(file)), fragment, true
}

// displayName names another file as messages do: beside the entry file's
// name as the user gave it.
func (d *Document) displayName(abs string) string {
	if abs == d.path {
		return d.File
	}
	rel, err := filepath.Rel(filepath.Dir(d.path), abs)
	if err != nil {
		return abs
	}
	return filepath.ToSlash(filepath.Join(filepath.Dir(d.File), rel))
}

// follow walks a pointer through the source, into other files where it
// passes a $ref to one. It returns the file, the pointer in that file (the
// pointer as given while it stays in the entry file) and the line of the
// deepest node found.
func (d *Document) follow(ptr string) (file, at string, line int) {
	t := d.source()
	if t == nil {
		return d.File, ptr, 0
	}
	fileAbs, node, where := d.path, t.root, ""
	tokens := splitPointer(ptr)
	line = node.Line
	i := 0
	for i < len(tokens) {
		if next := child(node, tokens[i]); next != nil {
			node, where, line = next, where+"/"+EscapeToken(tokens[i]), next.Line
			i++
			continue
		}
		ref := mappingValue(node, "$ref")
		if ref == nil {
			break
		}
		abs, fragment, ok := fileRef(fileAbs, ref.Value)
		if !ok || abs == "" && fileAbs == d.path {
			break // a reference inside the entry file: the pointer already names the place
		}
		if abs == "" {
			abs = fileAbs
		}
		other, err := d.files.tree(abs)
		if err != nil {
			break
		}
		target := other.lookup(fragment)
		if target == nil {
			break
		}
		fileAbs, node, where, line = abs, target, strings.TrimSuffix(fragment, "/"), target.Line
	}
	if fileAbs == d.path {
		return d.File, ptr, line
	}
	for _, rest := range tokens[i:] {
		where += "/" + EscapeToken(rest)
	}
	return d.displayName(fileAbs), orRoot(where), line
}

// child is the value under a mapping key or the item of a sequence.
func child(n *yaml.Node, token string) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		return mappingValue(n, token)
	case yaml.SequenceNode:
		i, err := strconv.Atoi(token)
		if err != nil || i < 0 || i >= len(n.Content) {
			return nil
		}
		return n.Content[i]
	}
	return nil
}

// brokenFileRef finds the first $ref, in the entry file or a file it
// reaches, that names a file that cannot be read or parsed, or a fragment
// that is not in it.
func (d *Document) brokenFileRef() *SpecError {
	if d.path == "" || d.source() == nil {
		return nil
	}
	seen := map[string]bool{d.path: true}
	queue := []string{d.path}
	for len(queue) > 0 {
		fromAbs := queue[0]
		queue = queue[1:]
		t := d.source()
		if fromAbs != d.path {
			t, _ = d.files.tree(fromAbs)
		}
		var problem *SpecError
		t.find(func(n *yaml.Node, at string) bool {
			if !strings.HasSuffix(at, "/$ref") || n.Kind != yaml.ScalarNode {
				return false
			}
			abs, fragment, ok := fileRef(fromAbs, n.Value)
			if !ok || abs == "" && fromAbs == d.path {
				return false // the entry file's own references are brokenRef's
			}
			target := t
			if abs != "" {
				other, err := d.files.tree(abs)
				if err != nil {
					problem = &SpecError{File: d.displayName(fromAbs), Line: n.Line, Pointer: at,
						Message: fmt.Sprintf("$ref %q names a file that cannot be read (%s); correct the path", n.Value, unwrapPathError(err))}
					if !os.IsNotExist(err) {
						if se := syntaxError(d.displayName(abs), nil, err); se.Line > 0 {
							problem = se
						}
					}
					return true
				}
				target = other
				if !seen[abs] {
					seen[abs] = true
					queue = append(queue, abs)
				}
			}
			if target.lookup(fragment) == nil {
				problem = &SpecError{File: d.displayName(fromAbs), Line: n.Line, Pointer: at,
					Message: fmt.Sprintf("$ref %q points at nothing; define %s or correct the reference", n.Value, orRoot(fragment))}
				return true
			}
			return false
		})
		if problem != nil {
			return problem
		}
	}
	return nil
}
