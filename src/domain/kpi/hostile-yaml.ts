/**
 * Dashboard texts that once froze or crashed a page (issues 14 and 16), for the regression tests, the fuzz
 * tests, the inputs benchmark and the hostile-link end-to-end test. Not used by the app itself.
 */

const HEAD = 'id: hostile\ntitle: Hostile\nregion: us-east-1\n';

/** One valid KPI with the given id, two-space indented as an item of `kpis:`. */
function kpiYaml(id: string): string {
  return `  - id: ${id}
    title: KPI ${id}
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric:
        namespace: Shop
        name: Orders
        stat: Sum
`;
}

/** A valid dashboard of n KPIs: a large legitimate file, which must still validate fast. */
export function manyKpis(n: number): string {
  return `${HEAD}kpis:\n${Array.from({ length: n }, (_, i) => kpiYaml(`kpi-${i}`)).join('')}`;
}

/** `? ? ? … x`: keys that are mappings, n deep (240 levels blocked a tab 5.3 s). */
export function nestedExplicitKeys(n: number): string {
  return `${HEAD}${'? '.repeat(n)}x\nkpis:\n${kpiYaml('a')}`;
}

/** A KPI with one unknown field whose name is n characters long (the "did you mean" edit distance). */
export function longUnknownKey(n: number, quoted = true): string {
  const key = 'q'.repeat(n);
  return `${HEAD}kpis:\n${kpiYaml('a')}    ${quoted ? `"${key}"` : key}: 1\n`;
}

/** A KPI with n unknown fields, each a short distinct name (16 KB of them took 1.8 s). */
export function manyUnknownKeys(n: number): string {
  const keys = Array.from({ length: n }, (_, i) => `    unknown${i}: 1\n`).join('');
  return `${HEAD}kpis:\n${kpiYaml('a')}${keys}`;
}

/** Block sequences n deep inside a KPI (3,000 deep threw RangeError out of parseDashboard). */
export function deepBlockNesting(n: number): string {
  return `${HEAD}kpis:\n${kpiYaml('a')}    extra:\n      ${'- '.repeat(n)}x\n`;
}

/** Flow lists n deep: `[[[[…]]]]`. */
export function deepFlowNesting(n: number): string {
  return `${HEAD}kpis:\n${kpiYaml('a')}    extra: ${'['.repeat(n)}${']'.repeat(n)}\n`;
}

/** n aliases of one anchor. */
export function manyAliases(n: number): string {
  return `${HEAD}anchor: &a [1, 2]\nkpis:\n${kpiYaml('a')}    extra: [${Array.from({ length: n }, () => '*a').join(', ')}]\n`;
}

/** "Billion laughs": each level a list of ten aliases of the level before. */
export function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++)
    lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return `${HEAD}${lines.join('\n')}\nkpis:\n${kpiYaml('a')}`;
}
