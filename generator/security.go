package generator

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

func (b *builder) buildSecuritySchemes() {
	if b.doc.Components == nil {
		return
	}
	names := newNameSet()
	for _, key := range sortedKeys(b.doc.Components.SecuritySchemes) {
		sr := b.doc.Components.SecuritySchemes[key]
		ptr := pointer("components", "securitySchemes", key)
		if sr == nil || sr.Value == nil {
			b.fail(ptr, "the security scheme is null or its $ref does not resolve")
			continue
		}
		v := sr.Value
		s := &SecurityScheme{
			Key:    key,
			GoName: names.claim(GoName(key)),
			Type:   v.Type,
			Scheme: strings.ToLower(v.Scheme),
			In:     v.In,
			Name:   v.Name,
			Doc:    strings.TrimSpace(v.Description),
		}
		if v.Flows != nil {
			scopes := map[string]bool{}
			for _, f := range []*openapi3.OAuthFlow{v.Flows.Implicit, v.Flows.Password, v.Flows.ClientCredentials, v.Flows.AuthorizationCode} {
				if f == nil {
					continue
				}
				for scope := range f.Scopes {
					scopes[scope] = true
				}
			}
			s.Scopes = sortedKeys(scopes)
		}
		switch {
		case s.Type == "http" && s.Scheme != "bearer" && s.Scheme != "basic":
			b.warn(ptr, "http scheme %q is not built in; its credentials are sent as given in the Authorization header", v.Scheme)
		case s.Type == "apiKey" && s.In != "header" && s.In != "query" && s.In != "cookie":
			b.fail(ptr+"/in", "apiKey location %q is unknown; use header, query or cookie", s.In)
		}
		b.schemes[key] = s
		b.api.SecuritySchemes = append(b.api.SecuritySchemes, s)
	}
}

// operationSecurity resolves the requirements of an operation: its own, or
// the document's when it declares none. An empty list means no credentials.
func (b *builder) operationSecurity(op *openapi3.Operation) []SecurityRequirement {
	reqs := b.doc.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	var out []SecurityRequirement
	for _, req := range reqs {
		var r SecurityRequirement
		for _, key := range sortedKeys(req) {
			s, ok := b.schemes[key]
			if !ok {
				continue // kin-openapi validation reports unknown schemes
			}
			r.Schemes = append(r.Schemes, SchemeUse{Scheme: s, Scopes: sortStrings(req[key])})
		}
		if len(r.Schemes) == 0 {
			// An empty requirement {} makes credentials optional.
			return nil
		}
		out = append(out, r)
	}
	return out
}

// warnUnstatedSecurity warns once when operations require no security
// scheme only because the spec states no requirement, which real specs often
// do while their APIs want credentials: clients send every credential they
// are given to those operations.
func (b *builder) warnUnstatedSecurity() {
	var unstated []*Operation
	for _, o := range b.api.Operations {
		if o.SecurityUnstated {
			unstated = append(unstated, o)
		}
	}
	if len(unstated) == 0 {
		return
	}
	b.warn(unstated[0].Pointer+"/security", "%d of %d operations state no security requirement although the spec declares security schemes; "+
		"their clients send every credential configured; add a top-level security requirement, or security: [] to operations that are open",
		len(unstated), len(b.api.Operations))
}
