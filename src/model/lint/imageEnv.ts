// Environment variables that popular official images set in their config.
// BuildKit reads the real config of a base image; we cannot fetch it, so
// without this table `RUN`-free uses such as `COPY app $GOPATH/bin` in a golang
// stage would be reported as undefined variables. Names only matter here: the
// values are the images' usual defaults, for display.

import { parseImageReference } from './imageReference';

// Repository paths (Docker Hub's official images with or without "library/")
// and what they define.
const table: [string[], Record<string, string>][] = [
  [official('golang'), { GOLANG_VERSION: '', GOTOOLCHAIN: 'local', GOPATH: '/go' }],
  [official('node'), { NODE_VERSION: '', YARN_VERSION: '' }],
  [official('python'), { LANG: 'C.UTF-8', PYTHON_VERSION: '', GPG_KEY: '', PYTHON_SHA256: '' }],
  [official('rust'), { RUSTUP_HOME: '/usr/local/rustup', CARGO_HOME: '/usr/local/cargo', RUST_VERSION: '' }],
  [official('eclipse-temurin', 'openjdk', 'amazoncorretto'), { JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: '', LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' }],
  [official('maven'), { MAVEN_HOME: '/usr/share/maven', MAVEN_CONFIG: '/root/.m2', JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: '' }],
  [official('gradle'), { GRADLE_HOME: '/opt/gradle', GRADLE_VERSION: '', JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: '' }],
  [official('ruby'), { LANG: 'C.UTF-8', RUBY_VERSION: '', GEM_HOME: '/usr/local/bundle', BUNDLE_SILENCE_ROOT_WARNING: '1', BUNDLE_APP_CONFIG: '/usr/local/bundle' }],
  [official('php'), { PHPIZE_DEPS: '', PHP_INI_DIR: '/usr/local/etc/php', PHP_VERSION: '', PHP_CFLAGS: '', PHP_CPPFLAGS: '', PHP_LDFLAGS: '' }],
  [official('nginx'), { NGINX_VERSION: '', NJS_VERSION: '', PKG_RELEASE: '' }],
  [['dotnet/sdk', 'dotnet/aspnet', 'dotnet/runtime', 'dotnet/runtime-deps'], { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_VERSION: '', ASPNET_VERSION: '' }],
];

function official(...names: string[]): string[] {
  return names.flatMap((name) => [name, `library/${name}`]);
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment a stage on each known image starts with, PATH included,
 * built once: every analysis starts its stages from these (and only ever
 * writes to layers above them).
 */
const START_ENV = new Map<string, ReadonlyMap<string, string>>(
  table.flatMap(([paths, env]) => {
    const start: ReadonlyMap<string, string> = new Map([['PATH', DEFAULT_PATH], ...Object.entries(env)]);
    return paths.map((path) => [path, start] as const);
  }),
);
const PATH_ONLY: ReadonlyMap<string, string> = new Map([['PATH', DEFAULT_PATH]]);

/** Where an image's variables are looked up: Docker Hub and Microsoft's registry. */
function repositoryPath(image: string): string | null {
  const reference = parseImageReference(image.toLowerCase());
  if (!reference) return null;
  return reference.domain === 'mcr.microsoft.com' || reference.domain === null || reference.domain === 'docker.io' ? reference.path : null;
}

/** The variables a stage FROM an external `image` starts with: PATH, and what the image is known to define. */
export function imageStartEnv(image: string): ReadonlyMap<string, string> {
  const path = repositoryPath(image);
  return (path !== null && START_ENV.get(path)) || PATH_ONLY;
}
