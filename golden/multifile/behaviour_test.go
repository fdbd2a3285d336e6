package multifile

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// Types from other files are named as local ones: after the fragment or the
// file, once each however many folders $ref them.
var (
	_ = Pet{ID: 1, Name: "Rex", Owner: &Owner{}}
	_ = NewPet{Name: "Rex"}
	_ = Error{Message: "no"}
)

type pets map[int64]Pet

func (p pets) ListPets(context.Context, ListPetsInput) (ListPetsOutput, error) {
	return ListPetsOK{Body: []Pet{p[1]}}, nil
}

func (p pets) CreatePet(_ context.Context, in CreatePetInput) (CreatePetOutput, error) {
	pet := Pet{ID: int64(len(p) + 1), Name: in.Body.Name, Owner: in.Body.Owner}
	p[pet.ID] = pet
	return CreatePetCreated{Body: pet}, nil
}

// GetPet is the operation written in a file of its own.
func (p pets) GetPet(_ context.Context, in GetPetInput) (GetPetOutput, error) {
	pet, ok := p[in.PetID]
	if !ok {
		return GetPetNotFound{Body: Error{Message: "no such pet"}}, nil
	}
	return GetPetOK{Body: pet}, nil
}

func TestMultifileClientAndServerAgree(t *testing.T) {
	srv := httptest.NewServer(NewHandler(pets{}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	ctx := context.Background()

	owner := "Ada"
	created, err := c.CreatePet(ctx, NewPet{Name: "Rex", Owner: &Owner{Name: &owner}})
	require.NoError(t, err)
	require.Equal(t, int64(1), created.ID)

	got, err := c.GetPet(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, "Ada", *got.Owner.Name)

	list, err := c.ListPets(ctx)
	require.NoError(t, err)
	require.Equal(t, []Pet{*created}, list)

	_, err = c.GetPet(ctx, 7)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)

	// The server checks what the other files declare: name has minLength 1.
	_, err = c.CreatePet(ctx, NewPet{Name: ""})
	require.True(t, errors.As(err, &apiErr), "%v", err)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
}
