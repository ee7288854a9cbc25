// What a first visit shows: a small, sound multi-stage build to explore.
export const STARTER = `# syntax=docker/dockerfile:1
# A Go service: build with the full toolchain, ship only the binary.
ARG GO_VERSION=1.23

FROM golang:\${GO_VERSION}-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM build AS test
RUN go test ./...

FROM gcr.io/distroless/static-debian12 AS runtime
COPY --from=build /out/server /server
USER nonroot
ENTRYPOINT ["/server"]
`;
