// Limited-memory BFGS for a smooth convex objective, with a backtracking (Armijo) line search. Pure and
// deterministic: the same objective gives the same minimiser, whatever the order of the data. Hand-written because
// the npm packages for it are unmaintained or pull in a numerical stack; the method is some sixty lines (Nocedal and
// Wright, Numerical Optimization, algorithms 7.4 and 7.5).

/** The objective's value at `w`, with its gradient written into `grad`. */
export type Objective = (w: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Pairs of (step, gradient change) kept. */
  memory?: number;
  maxIterations?: number;
  /** Stop when the largest gradient component is below this. */
  tolerance?: number;
}

export interface LbfgsResult {
  w: Float64Array;
  value: number;
  iterations: number;
  /** The largest gradient component at the end. */
  gradientNorm: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** The search direction -H g by the two-loop recursion over the kept pairs. */
function direction(g: Float64Array, s: Float64Array[], y: Float64Array[]): Float64Array {
  const q = Float64Array.from(g);
  const alpha: number[] = [];
  for (let k = s.length - 1; k >= 0; k--) {
    const a = dot(s[k] as Float64Array, q) / dot(y[k] as Float64Array, s[k] as Float64Array);
    alpha[k] = a;
    const yk = y[k] as Float64Array;
    for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) - a * (yk[i] as number);
  }
  const last = s.length - 1;
  const gamma = last >= 0 ? dot(s[last] as Float64Array, y[last] as Float64Array) / dot(y[last] as Float64Array, y[last] as Float64Array) : 1;
  for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) * gamma;
  for (let k = 0; k < s.length; k++) {
    const yk = y[k] as Float64Array;
    const sk = s[k] as Float64Array;
    const b = dot(yk, q) / dot(yk, sk);
    for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) + (sk[i] as number) * ((alpha[k] as number) - b);
  }
  for (let i = 0; i < q.length; i++) q[i] = -(q[i] as number);
  return q;
}

/** Minimises `f` from `start`. */
export function minimise(f: Objective, start: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const memory = options.memory ?? 10;
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-7;
  let w = Float64Array.from(start);
  let g = new Float64Array(w.length);
  let value = f(w, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  let iterations = 0;
  while (iterations < maxIterations && maxAbs(g) > tolerance) {
    iterations++;
    let d = direction(g, s, y);
    let slope = dot(d, g);
    if (slope >= 0) {
      // Not a descent direction (rounding): restart from steepest descent.
      s.length = 0;
      y.length = 0;
      d = g.map((v) => -v);
      slope = dot(d, g);
    }
    let step = s.length === 0 ? Math.min(1, 1 / Math.max(maxAbs(g), 1e-12)) : 1;
    const next = new Float64Array(w.length);
    const nextGrad = new Float64Array(w.length);
    let nextValue = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < w.length; i++) next[i] = (w[i] as number) + step * (d[i] as number);
      nextValue = f(next, nextGrad);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value) && !(nextValue <= value + 1e-4 * step * slope)) break;
    const sk = new Float64Array(w.length);
    const yk = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      sk[i] = (next[i] as number) - (w[i] as number);
      yk[i] = (nextGrad[i] as number) - (g[i] as number);
    }
    if (dot(sk, yk) > 1e-12) {
      s.push(sk);
      y.push(yk);
      if (s.length > memory) {
        s.shift();
        y.shift();
      }
    }
    const progress = value - nextValue;
    w = next;
    g = nextGrad;
    value = nextValue;
    if (progress <= 1e-14 * Math.max(1, Math.abs(value))) break;
  }
  return { w, value, iterations, gradientNorm: maxAbs(g) };
}
