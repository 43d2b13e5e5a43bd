// The L-BFGS minimiser (src/eval/lbfgs.ts) on objectives whose minimiser is known.
import { describe, expect, it } from 'vitest';
import { minimise, type Objective } from '../../src/eval/lbfgs.js';

/** sum_i c_i (w_i - i)^2 / 2: minimum at w_i = i, badly scaled (c from 1 to 1,000). */
const quadratic: Objective = (w, grad) => {
  let f = 0;
  for (let i = 0; i < w.length; i++) {
    const c = 10 ** ((3 * i) / (w.length - 1));
    const d = (w[i] as number) - i;
    f += (c * d * d) / 2;
    grad[i] = c * d;
  }
  return f;
};

/** Rosenbrock's valley: minimum 0 at (1, 1), a curved valley that defeats steepest descent. */
const rosenbrock: Objective = (w, grad) => {
  const [x, y] = [w[0] as number, w[1] as number];
  grad[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  grad[1] = 200 * (y - x * x);
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};

describe('minimise', () => {
  it('finds the minimum of a badly scaled quadratic', () => {
    const r = minimise(quadratic, new Float64Array(20));
    expect(r.gradientNorm).toBeLessThan(1e-5);
    r.w.forEach((v, i) => expect(v).toBeCloseTo(i, 5));
    expect(r.iterations).toBeLessThan(500); // SciPy's L-BFGS-B with the same memory: 197
  });

  it("finds the minimum of Rosenbrock's valley from its usual start", () => {
    const r = minimise(rosenbrock, Float64Array.from([-1.2, 1]));
    expect(r.w[0]).toBeCloseTo(1, 5);
    expect(r.w[1]).toBeCloseTo(1, 5);
    expect(r.value).toBeLessThan(1e-10);
  });

  it('stops at once where the gradient is already zero, and respects the iteration limit', () => {
    expect(minimise(quadratic, Float64Array.from({ length: 5 }, (_, i) => i)).iterations).toBe(0);
    expect(minimise(rosenbrock, Float64Array.from([-1.2, 1]), { maxIterations: 3 }).iterations).toBe(3);
  });
});
