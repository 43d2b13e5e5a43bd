// Signed numbers as people read them: "+0.42", "−0.10" (a true minus sign), "0.00" (no sign on zero).

/** `value` with `digits` decimals and a sign; a value that rounds to zero has none. */
export function signed(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value < 0 ? '−' : '+'}${text}`;
}
