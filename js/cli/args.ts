// Command-line arguments: positionals, `--name value`, `--name=value` and flags, checked against what each
// command accepts. Everything wrong here is a usage error (exit code 2).
import { DEFAULTS } from '../options.js';

/** A command line that cannot be run as written: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command accepts: option names (without the dashes) taking a value, and flags. */
export interface CommandSpec {
  name: string;
  values: readonly string[];
  flags: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/**
 * Splits argv (after the command name) into positionals, options with values and flags. A lone '-' is a
 * positional (standard input); '--' ends the options.
 */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) throw new UsageError(`dse ${spec.name}: unknown option ${arg}`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`dse ${spec.name}: --${name} takes no value`);
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      let value: string;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`dse ${spec.name}: --${name} needs a value`);
      if (out.values.has(name)) throw new UsageError(`dse ${spec.name}: --${name} is given twice`);
      out.values.set(name, value);
    } else {
      throw new UsageError(`dse ${spec.name}: unknown option --${name}`);
    }
  }
  return out;
}

/** The value of a numeric option: undefined when absent, else a finite number within the stated range. */
export function numberOption(
  args: ParsedArgs,
  name: string,
  rule: { integer?: boolean; min?: number; exclusiveMin?: number },
): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  const v = /^\s*$/.test(text) ? NaN : Number(text);
  const what = rule.integer ? 'an integer' : 'a number';
  const range = rule.exclusiveMin !== undefined ? ` > ${rule.exclusiveMin}` : rule.min !== undefined ? ` >= ${rule.min}` : '';
  const bad = !Number.isFinite(v)
    || (rule.integer && !Number.isSafeInteger(v))
    || (rule.min !== undefined && v < rule.min)
    || (rule.exclusiveMin !== undefined && v <= rule.exclusiveMin);
  if (bad) throw new UsageError(`--${name} must be ${what}${range}, received ${JSON.stringify(text)}`);
  return v;
}

/** The value of an option restricted to a list of words, or the fallback. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const v = args.values.get(name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; received ${JSON.stringify(v)}`);
  }
  return v as T;
}

/** The sigma option: a number > 0, or 'auto' (the median pairwise distance). Default 10, as the reference. */
export function sigmaOption(args: ParsedArgs): number | 'auto' {
  if (args.values.get('sigma') === 'auto') return 'auto';
  const text = args.values.get('sigma');
  if (text !== undefined && !Number.isFinite(Number(text))) {
    throw new UsageError(`--sigma must be a number > 0 or 'auto', received ${JSON.stringify(text)}`);
  }
  return numberOption(args, 'sigma', { exclusiveMin: 0 }) ?? DEFAULTS.sigma;
}

/** The positionals `names` (the last `optional` of them may be left out), the first missing one named in the message. */
export function positionals(args: ParsedArgs, command: string, names: string[], optional = 0): string[] {
  const p = args.positionals;
  if (p.length < names.length - optional) {
    throw new UsageError(`dse ${command}: missing ${names[p.length]}; usage: dse ${command} ${names.map((n, i) => (i >= names.length - optional ? `[${n}]` : n)).join(' ')} [options]`);
  }
  if (p.length > names.length) throw new UsageError(`dse ${command}: unexpected argument ${JSON.stringify(p[names.length])}`);
  return p;
}
