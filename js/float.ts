// Float64 constants shared by the measures and the pure-JS stages (the WASM stages hold the same values).

/**
 * EPS = 2^-52, the float64 machine epsilon: numpy's finfo(float64).eps, which the reference adds to every
 * probability, and LAPACK's dlamch('P'), the relative precision of the convergence tests (docs/numerics.md).
 */
export const EPS = 2 ** -52;
