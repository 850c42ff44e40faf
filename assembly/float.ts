// Float64 constants shared by the stages (js/float.ts holds the same values for the measures and the JS twins).

// EPS = 2^-52, the float64 machine epsilon: LAPACK's dlamch('P') in the convergence tests, numpy's
// finfo(float64).eps in the entropies (docs/numerics.md).
export const EPS: f64 = 2.220446049250313e-16;
