package swagger2

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// pets serves the converted document from memory.
type pets struct {
	t      *testing.T
	byID   map[int64]Pet
	photos map[int64]string // caption, file name and bytes
}

func (p *pets) ListPets(_ context.Context, in ListPetsInput) (ListPetsOutput, error) {
	require.Equal(p.t, []string{"a", "b"}, in.Params.Tags, "collectionFormat csv is the form style")
	next := "2"
	return ListPetsOK{Body: []Pet{p.byID[1]}, XNext: &next}, nil
}

func (p *pets) CreatePet(_ context.Context, in CreatePetInput) (CreatePetOutput, error) {
	pet := Pet{ID: int64(len(p.byID) + 1), Name: in.Body.Name, Tag: in.Body.Tag}
	p.byID[pet.ID] = pet
	return CreatePetCreated{Body: pet}, nil
}

func (p *pets) GetPet(_ context.Context, in GetPetInput) (GetPetOutput, error) {
	pet, ok := p.byID[in.PetID]
	if !ok {
		return GetPetNotFound{Body: Error{Code: 404, Message: "no such pet"}}, nil
	}
	return GetPetOK{Body: pet}, nil
}

// UploadPhoto reads the typed multipart body that formData parameters became.
func (p *pets) UploadPhoto(_ context.Context, in UploadPhotoInput) (UploadPhotoOutput, error) {
	if in.Body == nil {
		p.photos[in.PetID] = "(no body)"
		return UploadPhotoNoContent{}, nil
	}
	data, err := io.ReadAll(in.Body.File.Body)
	p.photos[in.PetID] = in.Body.Caption + " " + in.Body.File.Name + " " + string(data)
	return UploadPhotoNoContent{}, err
}

// RenamePet reads the typed form body that formData parameters became.
func (p *pets) RenamePet(_ context.Context, in RenamePetInput) (RenamePetOutput, error) {
	pet := p.byID[in.PetID]
	pet.Name = in.Body.Name
	p.byID[in.PetID] = pet
	return RenamePetOK{Body: pet}, nil
}

func TestSwagger2ClientAndServerAgree(t *testing.T) {
	impl := &pets{t: t, byID: map[int64]Pet{}, photos: map[int64]string{}}
	srv := httptest.NewServer(NewHandler(impl))
	defer srv.Close()
	c, err := NewClient(srv.URL, WithCredentials(Credentials{APIKey: "secret"}))
	require.NoError(t, err)
	ctx := context.Background()

	created, err := c.CreatePet(ctx, NewPet{Name: "Rex"})
	require.NoError(t, err)
	require.Equal(t, Pet{ID: 1, Name: "Rex"}, *created)

	got, err := c.GetPet(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, "Rex", got.Name)

	_, err = c.GetPet(ctx, 9)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)

	list, err := c.ListPets(ctx, &ListPetsParams{Tags: []string{"a", "b"}})
	require.NoError(t, err)
	require.Len(t, list, 1)

	// type: file is a file part of a typed multipart body.
	require.NoError(t, c.UploadPhoto(ctx, 1, &UploadPhotoRequestBody{
		Caption: "at the beach",
		File:    FormFile{Name: "rex.png", ContentType: "image/png", Body: strings.NewReader("PNG")},
	}))
	require.Equal(t, "at the beach rex.png PNG", impl.photos[1])
	require.NoError(t, c.UploadPhoto(ctx, 3, nil), "the body is optional")
	require.Equal(t, "(no body)", impl.photos[3])

	// A multipart body written by another client reaches the same method.
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	require.NoError(t, w.WriteField("caption", "in the park"))
	part, err := w.CreateFormFile("file", "max.png")
	require.NoError(t, err)
	_, err = part.Write([]byte("GIF"))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	upload, err := http.NewRequest(http.MethodPost, srv.URL+"/pets/2/photo", &body)
	require.NoError(t, err)
	upload.Header.Set("Content-Type", w.FormDataContentType())
	upload.Header.Set("X-API-Key", "secret")
	uploaded, err := http.DefaultClient.Do(upload)
	require.NoError(t, err)
	uploaded.Body.Close()
	require.Equal(t, http.StatusNoContent, uploaded.StatusCode)
	require.Equal(t, "in the park max.png GIF", impl.photos[2])

	renamed, err := c.RenamePet(ctx, 1, &RenamePetRequestBody{Name: "Max"})
	require.NoError(t, err)
	require.Equal(t, "Max", renamed.Name)

	// A form from another client reaches the same typed body.
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/pets/1/rename", strings.NewReader(url.Values{"name": {"Bella"}}.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-API-Key", "secret")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "Bella", impl.byID[1].Name)
}

// TestSwagger2ServerNeedsTheAPIKey: securityDefinitions became a scheme.
func TestSwagger2ServerNeedsTheAPIKey(t *testing.T) {
	srv := httptest.NewServer(NewHandler(&pets{t: t, byID: map[int64]Pet{}}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/pets/1")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}
