package bench

import (
	"fmt"
	"strings"
)

// SyntheticSpec returns an OpenAPI 3.0 document, in YAML, with exactly n
// operations: the same bytes for the same n, so that runs compare. The
// operations come in groups of five per resource (list with paging and
// bracket filters, create, get, update, delete) over four schemas per
// resource, as a typical REST API is shaped; when n is not a multiple of
// five the last resource has the first n%5 of them. Growing n adds
// resources, never makes one resource bigger, so the cost per operation
// should stay flat.
func SyntheticSpec(n int) []byte {
	var b strings.Builder
	b.WriteString(synthHeader)
	b.WriteString("paths:\n")
	for r := 0; r*synthOpsPerResource < n; r++ {
		writeSynthPaths(&b, r, min(synthOpsPerResource, n-r*synthOpsPerResource))
	}
	b.WriteString(synthComponents)
	for r := 0; r*synthOpsPerResource < n; r++ {
		writeSynthSchemas(&b, r)
	}
	return []byte(b.String())
}

// synthOpsPerResource is the number of operations of a full resource.
const synthOpsPerResource = 5

// synthNames gives resource r its path segment ("res0007") and schema name
// ("Res0007"); four digits keep names sorted like their numbers up to 10,000
// resources (50,000 operations).
func synthNames(r int) (path, schema string) {
	return fmt.Sprintf("res%04d", r), fmt.Sprintf("Res%04d", r)
}

// writeSynthPaths writes the path items of resource r with its first ops
// operations: list and create on the collection, then get, update and
// delete on one item.
func writeSynthPaths(b *strings.Builder, r, ops int) {
	path, name := synthNames(r)
	fmt.Fprintf(b, "  /v1/%s:\n", path)
	writeSynthOp(b, synthList, name)
	if ops < 2 {
		return
	}
	writeSynthOp(b, synthCreate, name)
	if ops < 3 {
		return
	}
	fmt.Fprintf(b, "  /v1/%s/{id}:\n", path)
	fmt.Fprintf(b, "    parameters:\n      - {name: id, in: path, required: true, description: The id of the %s., schema: {type: string}}\n", name)
	for _, op := range []string{synthGet, synthUpdate, synthDelete}[:ops-2] {
		writeSynthOp(b, op, name)
	}
}

// writeSynthOp writes one operation template with NAME replaced by the
// resource's schema name, which also makes its operationId unique.
func writeSynthOp(b *strings.Builder, op, name string) {
	b.WriteString(strings.ReplaceAll(op, "NAME", name))
}

// writeSynthSchemas writes the four schemas of resource r.
func writeSynthSchemas(b *strings.Builder, r int) {
	_, name := synthNames(r)
	b.WriteString(strings.ReplaceAll(synthSchemas, "NAME", name))
}

const synthHeader = `openapi: 3.0.3
info:
  title: Synthetic API
  version: "1.0.0"
  description: A generated benchmark document; every resource has the same shape.
servers:
  - url: https://api.example.com
security:
  - bearerAuth: []
`

const synthList = `    get:
      operationId: listNAME
      tags: [NAME]
      summary: List NAME items
      description: Returns a page of NAME items, filtered by bracket parameters.
      parameters:
        - $ref: "#/components/parameters/Page"
        - $ref: "#/components/parameters/Limit"
        - {name: "name[eq]", in: query, description: Items with this exact name., schema: {type: string}}
        - {name: "name[contains]", in: query, description: Items whose name contains this., schema: {type: string}}
        - {name: "status[eq]", in: query, description: Items with this status., schema: {$ref: "#/components/schemas/NAMEStatus"}}
        - {name: "createdAt[gte]", in: query, description: Items created at or after this Unix time., schema: {type: integer, format: unix-time}}
      responses:
        "200":
          description: A page of NAME items.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/NAMEList"}
        "400":
          description: Malformed query.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Failure"}
`

const synthCreate = `    post:
      operationId: createNAME
      tags: [NAME]
      summary: Create a NAME item
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/NAMEInput"}
      responses:
        "201":
          description: The created item.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/NAME"}
        "400":
          description: Malformed body.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Failure"}
`

const synthGet = `    get:
      operationId: getNAME
      tags: [NAME]
      summary: Get a NAME item
      responses:
        "200":
          description: The item.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/NAME"}
        "404":
          description: No such item.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Failure"}
`

const synthUpdate = `    put:
      operationId: updateNAME
      tags: [NAME]
      summary: Replace a NAME item
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/NAMEInput"}
      responses:
        "200":
          description: The updated item.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/NAME"}
        "404":
          description: No such item.
`

const synthDelete = `    delete:
      operationId: deleteNAME
      tags: [NAME]
      summary: Delete a NAME item
      responses:
        "204":
          description: Deleted.
        "404":
          description: No such item.
`

const synthComponents = `components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
  parameters:
    Page: {name: page, in: query, description: The 1-based page number., schema: {type: integer, minimum: 1}}
    Limit: {name: limit, in: query, description: Items per page., schema: {type: integer, minimum: 1, maximum: 100}}
  schemas:
    Failure:
      type: object
      description: Why a request failed.
      required: [code, message]
      properties:
        code: {type: string}
        message: {type: string}
    Owner:
      type: object
      description: Who owns an item.
      required: [id]
      properties:
        id: {type: string}
        email: {type: string, format: email}
`

const synthSchemas = `    NAMEStatus:
      type: string
      description: The lifecycle of a NAME item.
      enum: [draft, active, archived]
    NAME:
      type: object
      description: A NAME item.
      required: [id, name, status]
      properties:
        id: {type: string, description: The item's id.}
        name: {type: string, minLength: 1, maxLength: 100}
        status: {$ref: "#/components/schemas/NAMEStatus"}
        createdAt: {type: string, format: date-time}
        count: {type: integer, format: int32, minimum: 0}
        score: {type: number}
        tags: {type: array, items: {type: string}}
        owner: {$ref: "#/components/schemas/Owner"}
        note: {type: string, nullable: true}
    NAMEList:
      type: object
      description: A page of NAME items.
      required: [items, total]
      properties:
        items: {type: array, items: {$ref: "#/components/schemas/NAME"}}
        total: {type: integer}
    NAMEInput:
      type: object
      description: The writable fields of a NAME item.
      required: [name]
      properties:
        name: {type: string, minLength: 1, maxLength: 100}
        status: {$ref: "#/components/schemas/NAMEStatus"}
        count: {type: integer, format: int32, minimum: 0}
        tags: {type: array, items: {type: string}}
`
