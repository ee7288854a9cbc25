// Sound starting points: one multi-stage pattern per common stack, each a
// build stage with the full toolchain and a small runtime stage that receives
// only what it needs. Every one passes all checks.

import type { Template } from './types';

export const starterTemplates: readonly Template[] = [
  {
    id: 'go-scratch',
    kind: 'starter',
    title: 'Go → scratch',
    description: 'A static Go binary (CGO off) in an empty image, with CA certificates for HTTPS and a non-root user.',
    text: `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/app /app
USER 65532:65532
ENTRYPOINT ["/app"]
`,
  },
  {
    id: 'go-distroless',
    kind: 'starter',
    title: 'Go → distroless',
    description: 'A static Go binary on distroless/static: certificates, time zones and a non-root user included, still no shell.',
    text: `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
  },
  {
    id: 'node-nginx',
    kind: 'starter',
    title: 'Node → nginx (static site)',
    description: 'Build a front-end with Node, serve only the generated files with nginx.',
    text: `# syntax=docker/dockerfile:1
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 80
`,
  },
  {
    id: 'node-slim',
    kind: 'starter',
    title: 'Node server → slim',
    description: 'Build with the full Node image, run on node:20-slim with production dependencies only, as the node user.',
    text: `# syntax=docker/dockerfile:1
FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
`,
  },
  {
    id: 'python-venv-slim',
    kind: 'starter',
    title: 'Python (virtualenv) → slim',
    description: 'Install dependencies into a virtualenv in the full image, copy the virtualenv into python:3.12-slim.',
    text: `# syntax=docker/dockerfile:1
FROM python:3.12 AS build
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.12-slim
COPY --from=build /opt/venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app
COPY . .
USER nobody
CMD ["python", "app.py"]
`,
  },
  {
    id: 'java-maven-jre',
    kind: 'starter',
    title: 'Java (Maven) → JRE',
    description: 'Resolve dependencies and package with Maven on a JDK, run the jar on a JRE-only image.',
    text: `# syntax=docker/dockerfile:1
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/app.jar ./app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
`,
  },
  {
    id: 'rust-distroless',
    kind: 'starter',
    title: 'Rust → distroless',
    description: 'A release build with cargo, run on distroless/cc (glibc and libgcc, no shell).',
    text: `# syntax=docker/dockerfile:1
FROM rust:1.80 AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/app /app
ENTRYPOINT ["/app"]
`,
  },
];
