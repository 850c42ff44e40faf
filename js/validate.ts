import { DseError, show } from './errors.js';

/** A finite number > 0, or the default when undefined. */
export function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DseError('E_ARGUMENT', `${name} must be a finite number > 0, received ${show(value)}`, name, value);
  }
  return value;
}

/** An integer >= min, or the default when undefined. */
export function integerAtLeast(value: unknown, name: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new DseError('E_ARGUMENT', `${name} must be an integer >= ${min}, received ${show(value)}`, name, value);
  }
  return value;
}

/** Options must be an object (or undefined). */
export function options<T extends object>(value: T | undefined, name = 'options'): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object') {
    throw new DseError('E_ARGUMENT', `${name} must be an object, received ${show(value)}`, name, value);
  }
  return value;
}
