// Environment variables that popular official images set in their config.
// BuildKit reads the real config of a base image; we cannot fetch it, so
// without this table `RUN`-free uses such as `COPY app $GOPATH/bin` in a golang
// stage would be reported as undefined variables. Names only matter here: the
// values are the images' usual defaults, for display.

import { parseImageReference } from './imageReference';

const table: [RegExp, Record<string, string>][] = [
  [/^(library\/)?golang$/, { GOLANG_VERSION: '', GOTOOLCHAIN: 'local', GOPATH: '/go' }],
  [/^(library\/)?node$/, { NODE_VERSION: '', YARN_VERSION: '' }],
  [/^(library\/)?python$/, { LANG: 'C.UTF-8', PYTHON_VERSION: '', GPG_KEY: '', PYTHON_SHA256: '' }],
  [/^(library\/)?rust$/, { RUSTUP_HOME: '/usr/local/rustup', CARGO_HOME: '/usr/local/cargo', RUST_VERSION: '' }],
  [/^(library\/)?(eclipse-temurin|openjdk|amazoncorretto)$/, { JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: '', LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' }],
  [/^(library\/)?maven$/, { MAVEN_HOME: '/usr/share/maven', MAVEN_CONFIG: '/root/.m2', JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: '' }],
  [/^(library\/)?gradle$/, { GRADLE_HOME: '/opt/gradle', GRADLE_VERSION: '', JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: '' }],
  [/^(library\/)?ruby$/, { LANG: 'C.UTF-8', RUBY_VERSION: '', GEM_HOME: '/usr/local/bundle', BUNDLE_SILENCE_ROOT_WARNING: '1', BUNDLE_APP_CONFIG: '/usr/local/bundle' }],
  [/^(library\/)?php$/, { PHPIZE_DEPS: '', PHP_INI_DIR: '/usr/local/etc/php', PHP_VERSION: '', PHP_CFLAGS: '', PHP_CPPFLAGS: '', PHP_LDFLAGS: '' }],
  [/^(library\/)?nginx$/, { NGINX_VERSION: '', NJS_VERSION: '', PKG_RELEASE: '' }],
  [/^dotnet\/(sdk|aspnet|runtime|runtime-deps)$/, { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_VERSION: '', ASPNET_VERSION: '' }],
];

/** Variables an external base image is known to define, besides PATH. */
export function knownImageEnv(image: string): Record<string, string> {
  const reference = parseImageReference(image.toLowerCase());
  if (!reference) return {};
  const path = reference.domain === 'mcr.microsoft.com' || reference.domain === null || reference.domain === 'docker.io' ? reference.path : '';
  for (const [pattern, env] of table) if (pattern.test(path)) return env;
  return {};
}
