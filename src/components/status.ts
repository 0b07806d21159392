/** The statuses the UI can show; the risk engine decides which, components only present them. */
/** `pending` is the UI's own: the first answer has not arrived yet. */
export type DisplayStatus = 'ok' | 'at-risk' | 'breached' | 'no-data' | 'error' | 'unknown' | 'pending';

/** Words for each status: status is never colour alone. */
export const STATUS_WORDS: Record<DisplayStatus, string> = {
  ok: 'OK',
  'at-risk': 'At risk',
  breached: 'Breached',
  'no-data': 'No data',
  error: 'Error',
  unknown: 'Not judged',
  pending: 'Loading',
};
