import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { formatTimeRange, type TimeZoneChoice } from '../domain/format/format-time';
import type { TimeWindow } from '../domain/series';
import { describeSpan } from '../domain/time/duration';
import type { TimeRange } from '../domain/time/range';
import { customRange, rangeChoices, stepRange, toInputValue, zoomIn, zoomOut } from './time-picker-model';
import './time-picker.css';

interface TimePickerProps {
  range: TimeRange;
  /** The window on screen, as resolved at the last refresh. */
  window: TimeWindow;
  now: number;
  tz: TimeZoneChoice;
  onRangeChange: (range: TimeRange) => void;
  onTzChange: (tz: TimeZoneChoice) => void;
}

/**
 * Quick ranges, a custom absolute range, step back/forward, zoom and local/UTC. Every control is a native
 * button, select, radio or input with a label, so the keyboard and screen readers need nothing special.
 */
export function TimePicker(props: TimePickerProps): ReactElement {
  const id = useId();
  const [custom, setCustom] = useState<{ from: string; to: string; error?: string } | null>(null);
  const span = describeSpan((props.window.end - props.window.start) / 1000);
  const selected = props.range.kind === 'relative' ? String(props.range.seconds) : 'custom';
  const quick = rangeChoices(props.range);

  const openCustom = (): void =>
    setCustom({
      from: toInputValue(props.window.start, props.tz),
      to: toInputValue(props.window.end, props.tz),
    });
  const applyCustom = (event: FormEvent): void => {
    event.preventDefault();
    if (!custom) return;
    const result = customRange(custom.from, custom.to, props.tz);
    if ('error' in result) setCustom({ ...custom, error: result.error });
    else {
      setCustom(null);
      props.onRangeChange(result.range);
    }
  };

  return (
    <fieldset className="time-picker">
      <legend className="visually-hidden">Time controls</legend>
      <label className="control">
        <span>Time range</span>
        <select
          value={selected}
          onChange={(e) => {
            if (e.target.value === 'custom') openCustom();
            else props.onRangeChange({ kind: 'relative', seconds: Number(e.target.value) });
          }}
        >
          {quick.map((q) => (
            <option key={q.seconds} value={String(q.seconds)}>
              {q.label}
            </option>
          ))}
          <option value="custom">{props.range.kind === 'absolute' ? 'Custom range' : 'Custom range…'}</option>
        </select>
      </label>
      <div className="time-steps">
        <button
          type="button"
          onClick={() => props.onRangeChange(stepRange(props.window, -1, props.now))}
          // The name starts with the visible word, so voice control ("click Earlier") finds it (WCAG 2.5.3).
          aria-label={`Earlier: step back ${span}`}
        >
          <span aria-hidden="true">◀</span> Earlier
        </button>
        <button
          type="button"
          onClick={() => props.onRangeChange(stepRange(props.window, 1, props.now))}
          disabled={props.range.kind === 'relative'}
          aria-label={`Later: step forward ${span}`}
        >
          Later <span aria-hidden="true">▶</span>
        </button>
        <button type="button" onClick={() => props.onRangeChange(zoomIn(props.window, props.now))}>
          Zoom in
        </button>
        <button type="button" onClick={() => props.onRangeChange(zoomOut(props.window, props.now))}>
          Zoom out
        </button>
        <button
          type="button"
          onClick={openCustom}
          aria-expanded={custom !== null}
          aria-controls={`${id}-custom`}
        >
          Custom…
        </button>
      </div>
      <fieldset className="tz-choice">
        <legend>Times in</legend>
        {(['local', 'utc'] as const).map((tz) => (
          <label key={tz}>
            <input
              type="radio"
              name={`${id}-tz`}
              value={tz}
              checked={props.tz === tz}
              onChange={() => props.onTzChange(tz)}
            />
            {tz === 'utc' ? 'UTC' : 'Local time'}
          </label>
        ))}
      </fieldset>
      <p className="time-window" aria-live="polite">
        {formatTimeRange(props.window.start, props.window.end, props.tz, { zoneName: true })}
      </p>
      {custom && (
        <form
          id={`${id}-custom`}
          className="custom-range"
          onSubmit={applyCustom}
          aria-label="Custom time range"
        >
          <label className="control">
            <span>From ({props.tz === 'utc' ? 'UTC' : 'local time'})</span>
            <input
              type="datetime-local"
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.target.value })}
              required
            />
          </label>
          <label className="control">
            <span>To ({props.tz === 'utc' ? 'UTC' : 'local time'})</span>
            <input
              type="datetime-local"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.target.value })}
              required
            />
          </label>
          <button type="submit">Apply</button>
          <button type="button" onClick={() => setCustom(null)}>
            Cancel
          </button>
          {custom.error && (
            <p className="custom-range-error" role="alert">
              {custom.error}
            </p>
          )}
        </form>
      )}
    </fieldset>
  );
}
