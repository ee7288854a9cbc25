// Image references as the distribution/reference grammar defines them, which
// is what BuildKit uses to accept or reject a FROM (InvalidDefaultArgInFrom)
// and what tells a pinned `COPY --from=image:1.2` from an unpinned one.

export interface ImageReference {
  /** Registry host, or null for Docker Hub. */
  domain: string | null;
  /** Repository path without the domain, e.g. "library/nginx" is written "nginx". */
  path: string;
  tag: string | null;
  digest: string | null;
}

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referencePattern = new RegExp(
  `^(?:(${domain})/)?(${component}(?:/${component})*)(?::(${tag}))?(?:@(${digest}))?$`,
);

/**
 * Parses a reference the way ParseNormalizedNamed does: null when it is not a
 * valid, normalised (lower-case repository) image name.
 */
export function parseImageReference(text: string): ImageReference | null {
  // The same few image names come back for every stage on every keystroke.
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  if (cache.size > 2000) cache.clear();
  const parsed = parse(text);
  cache.set(text, parsed);
  return parsed;
}

const cache = new Map<string, ImageReference | null>();

function parse(text: string): ImageReference | null {
  if (text === '' || text.length > 255 + 200) return null;
  const match = referencePattern.exec(text);
  if (!match) return null;
  let [, host, path] = match;
  const [, , , tagText, digestText] = match;
  // A first component without '.', ':' or 'localhost' is a Docker Hub path, not a host.
  if (host !== undefined && !/[.:]/.test(host) && host !== 'localhost' && host.toLowerCase() === host) {
    path = `${host}/${path}`;
    host = undefined as unknown as string;
  } else if (host !== undefined && host.toLowerCase() !== host && !/[.:]/.test(host) && host !== 'localhost') {
    // An upper-case Hub namespace ("Foo/bar") is not a valid repository name.
    return null;
  }
  if (path.length > 255) return null;
  return { domain: host ?? null, path, tag: tagText ?? null, digest: digestText ?? null };
}

/** A reference that names one fixed version: a digest, or a tag other than "latest". */
export function isPinned(reference: ImageReference): boolean {
  return reference.digest !== null || (reference.tag !== null && reference.tag !== 'latest');
}
