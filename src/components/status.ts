/** The statuses the UI can show; the risk engine decides which, components only present them. */
export type DisplayStatus = 'ok' | 'at-risk' | 'breached' | 'no-data' | 'error' | 'unknown';

/** Words for each status: status is never colour alone. */
export const STATUS_WORDS: Record<DisplayStatus, string> = {
  ok: 'OK',
  'at-risk': 'At risk',
  breached: 'Breached',
  'no-data': 'No data',
  error: 'Error',
  unknown: 'Checking',
};
