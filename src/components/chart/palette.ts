/** Okabe–Ito colours for several series: distinguishable with common colour-vision deficiencies. */
const SERIES_COLOURS = [
  '#56b4e9',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#0072b2',
  '#d55e00',
  '#f0e442',
  '#999999',
];

/** The colour of the i-th series, cycling. */
export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#999999';
}
