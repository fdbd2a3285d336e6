package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// The client runtime's pieces. Their renderers are clientGen's methods,
// called on a clientGen that has the piece's switches and nothing of the
// spec: its package name is pieceAPIPackage, which joining replaces.

// pieceClientGen is the clientGen that the pieces render with.
func pieceClientGen(auth, uploads, multipart, handsOver bool) *clientGen {
	return &clientGen{api: &generator.API{Package: pieceAPIPackage}, auth: auth, uploads: uploads, multipart: multipart, downloads: handsOver}
}

// clientUploads are the switches of an attempt: whether some call streams
// its request body, and whether some sends a multipart one (which streams).
type clientUploads struct{ uploads, multipart bool }

var (
	clientEnginePiece = newPiece("clientEngine", bothBools, func(f *jen.File, auth bool) {
		pieceClientGen(auth, false, false, false).genEngine(f)
	})
	clientInPiece           = newFixedPiece("clientIn", genClientIn)
	clientAuthenticatePiece = newFixedPiece("clientAuthenticate", genClientAuthenticate)
	clientJSONTreePiece     = newFixedPiece("clientJSONTree", genClientJSONTree)
	clientFormPiece         = newFixedPiece("clientForm", func(f *jen.File) {
		pieceClientGen(false, false, false, false).genClientForm(f)
	})
	clientFormPairsPiece = newFixedPiece("clientFormPairs", genClientFormPairs)
	clientMultipartPiece = newFixedPiece("clientMultipart", func(f *jen.File) {
		pieceClientGen(false, true, true, false).genClientMultipart(f)
	})
	clientSendPiece = newPiece("clientSend", bothBools, func(f *jen.File, auth bool) {
		pieceClientGen(auth, false, false, false).genSend(f)
	})
	clientAttemptPiece = newPiece("clientAttempt", []clientUploads{{false, false}, {true, false}, {true, true}}, func(f *jen.File, u clientUploads) {
		pieceClientGen(false, u.uploads, u.multipart, false).genAttempt(f)
	})
	clientAnswerPiece = newPiece("clientAnswer", bothBools, func(f *jen.File, handsOver bool) {
		pieceClientGen(false, false, false, handsOver).genAnswer(f)
	})
	clientAnswerBodyPiece = newFixedPiece("clientAnswerBody", func(f *jen.File) {
		pieceClientGen(false, false, false, false).genAnswerBody(f)
	})
	clientRetryPiece = newPiece("clientRetry", bothBools, func(f *jen.File, uploads bool) {
		pieceClientGen(false, uploads, false, false).genRetryHelpers(f)
	})
)
