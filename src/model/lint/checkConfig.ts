// The `# check=skip=<rules|all>;error=<bool>;experimental=<rules|all>` setting,
// as BuildKit reads it: once at the top of the file (a parser directive), and
// again in a `# check=` comment directly above an instruction, which tunes the
// checks reported on that instruction only.

export interface CheckConfig {
  skipAll: boolean;
  skip: ReadonlySet<string>;
  /** `error=true`: any reported warning fails the build. */
  error: boolean;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
}

export interface ParsedCheckConfig {
  config: CheckConfig;
  /** BuildKit rejects the whole build for a malformed setting; this is its message. */
  problem: string | null;
  /** Which keys the text set, so a local comment overrides only those. */
  keys: ReadonlySet<'skip' | 'error' | 'experimental'>;
}

export const defaultCheckConfig: CheckConfig = {
  skipAll: false,
  skip: new Set(),
  error: false,
  experimentalAll: false,
  experimental: new Set(),
};

function ruleList(value: string): { all: boolean; names: Set<string> } {
  const trimmed = value.trim();
  if (trimmed === 'all') return { all: true, names: new Set() };
  return { all: false, names: new Set(trimmed.split(',').map((name) => name.trim()).filter(Boolean)) };
}

// Go's strconv.ParseBool accepts exactly these spellings.
const goBools: Record<string, boolean> = {
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
};

export function parseCheckConfig(text: string): ParsedCheckConfig {
  const keys = new Set<'skip' | 'error' | 'experimental'>();
  const config = { ...defaultCheckConfig, skip: new Set<string>(), experimental: new Set<string>() };
  const trimmed = text.trim();
  if (trimmed === '') return { config, problem: null, keys };
  for (const part of trimmed.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { config, problem: `failed to parse check options: invalid check option "${part}"`, keys };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1);
    switch (key) {
      case 'skip': {
        const list = ruleList(value);
        config.skipAll = list.all;
        config.skip = list.names;
        keys.add('skip');
        break;
      }
      case 'error': {
        const parsed = goBools[value.trim()];
        if (parsed === undefined) {
          return { config, problem: `failed to parse check options: failed to parse check option "${part}"`, keys };
        }
        config.error = parsed;
        keys.add('error');
        break;
      }
      case 'experimental': {
        const list = ruleList(value);
        config.experimentalAll = list.all;
        config.experimental = list.names;
        keys.add('experimental');
        break;
      }
      default:
        return { config, problem: `failed to parse check options: invalid check option "${key}"`, keys };
    }
  }
  return { config, problem: null, keys };
}

/** A local `# check=` comment adds its skips and experiments to the file's and may switch error on or off. */
export function mergeCheckConfig(file: CheckConfig, local: ParsedCheckConfig): CheckConfig {
  const { config, keys } = local;
  return {
    skipAll: file.skipAll || config.skipAll,
    skip: new Set([...file.skip, ...config.skip]),
    error: keys.has('error') ? config.error : file.error,
    experimentalAll: file.experimentalAll || config.experimentalAll,
    experimental: new Set([...file.experimental, ...config.experimental]),
  };
}

/**
 * Whether a rule reports under this configuration. As in BuildKit, skip lists
 * never silence an experimental rule that was enabled by name, and an
 * experimental rule runs only when enabled.
 */
export function ruleEnabled(config: CheckConfig, name: string, experimental: boolean): boolean {
  if (experimental) return config.experimentalAll || config.experimental.has(name);
  return !(config.skipAll || config.skip.has(name));
}

/**
 * The value of a `check=` comment (the text after `#`), or null when the
 * comment is something else. Only the first word counts: `# check=skip=all // why`.
 */
export function checkCommentValue(comment: string): string | null {
  const match = /^\s*check\s*=\s*(\S*)/i.exec(comment);
  return match ? match[1] : null;
}
