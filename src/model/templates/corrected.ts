// The flawed seed examples, corrected: the same build, written so that every
// check passes. Each description says what changed and why.

import type { Template } from './types';

export const correctedTemplates: readonly Template[] = [
  {
    id: 'fixed-python-site-packages',
    kind: 'corrected',
    corrects: 'seed-python-site-packages',
    title: 'Python builder → python:3.8-slim, corrected',
    description: "'AS' written in the same case as 'FROM'.",
    text: `# Stage 1: Base image with Python installed, and scripts to build dependencies
FROM python:3.8 AS builder

# Setup a directory for the application code
WORKDIR /app

# Copy your application's requirements.txt file
COPY requirements.txt .

# Install your Python dependencies
RUN pip install -r requirements.txt


# Stage 2: An image to run the application
FROM python:3.8-slim

# Copy the installed packages from the builder stage
COPY --from=builder /usr/local/lib/python3.8/site-packages /usr/local/lib/python3.8/site-packages

# Copy the application code
WORKDIR /app
COPY . .

# Set up necessary environment variables
ENV PATH="/scripts:\${PATH}"

# Your run command
CMD ["python", "app.py"]
`,
  },
  {
    id: 'fixed-go-builder-scratch',
    kind: 'corrected',
    corrects: 'seed-go-builder-scratch',
    title: 'Go builder → scratch, corrected',
    description: "'AS' written in the same case as 'FROM'.",
    text: `# Stage 1: Build Stage
FROM golang:1.21 AS builder

# Set the working directory inside the container
WORKDIR /src

# Copy the main.go file into the working directory
COPY main.go ./

# Build the Go application and create an executable named 'hello' in the /bin directory
RUN go build -o /bin/hello ./main.go

# Stage 2: Final Stage
FROM scratch

# Copy the 'hello' executable from the builder stage into the /bin directory of the new image
COPY --from=builder /bin/hello /bin/hello

# Set the default command to run when the container starts
CMD ["/bin/hello"]
`,
  },
  {
    id: 'fixed-node-scratch',
    kind: 'corrected',
    corrects: 'seed-node-scratch',
    title: 'Node builder → Node runtime, corrected',
    description:
      'npm needs Node, so the runtime stage starts from a Node image instead of scratch; the notes after COPY and RUN moved to their own lines.',
    text: `# Build Stage
FROM node:16-alpine AS builder

WORKDIR /app
COPY package*.json ./
RUN npm install

COPY . .
# Build your application
RUN npm run build

# Runtime Stage: npm start needs Node and npm, which scratch does not have
FROM node:16-alpine

WORKDIR /app
COPY package*.json ./
RUN npm install --omit=dev
# Copy only the build artifacts
COPY --from=builder /app/build ./build

CMD ["npm", "start"]
`,
  },
  {
    id: 'fixed-ubuntu-go-scratch',
    kind: 'corrected',
    corrects: 'seed-ubuntu-go-scratch',
    title: 'Ubuntu + Go → scratch, corrected',
    description:
      'The notes after FROM moved to their own lines (BuildKit rejected both FROM lines); the base image has a version; the build runs in its own directory.',
    text: `#########################
# BASE IMAGE
########################

# we give an alias to this stage using AS
FROM ubuntu:24.04 AS build

RUN apt-get update && apt-get install -y golang-go

ENV GO111MODULE=off

WORKDIR /src
COPY . .

RUN CGO_ENABLED=0 go build -o /app .

############################################
# HERE STARTS THE MAGIC OF MULTI STAGE BUILD
############################################

# scratch is the smallest possible base: an empty filesystem
FROM scratch

# Copy the compiled binary from the build stage
COPY --from=build /app /app

# Set the entrypoint for the container to run the binary
ENTRYPOINT ["/app"]
`,
  },
  {
    id: 'fixed-docs-by-name',
    kind: 'corrected',
    corrects: 'seed-docs-by-name',
    title: 'Docker documentation example with named stages, corrected',
    description: "'AS' written in the same case as 'FROM'.",
    text: `FROM golang:1.21 AS build
WORKDIR /src
COPY <<EOF /src/main.go
package main
import "fmt"
func main() {
  fmt.Println("hello, world")
}
EOF
RUN go build -o /bin/hello ./main.go
FROM scratch
COPY --from=build /bin/hello /bin/hello
CMD ["/bin/hello"]
`,
  },
];
