import type { ReactElement } from 'react';
import { useNow } from '../../../data/react/use-now';
import { clockFace } from '../../../domain/format/format-time';
import type { TimeZoneChoice } from '../../../url/view-params';

/** The time, the day and the zone named, so nobody has to guess which clock the wall keeps. */
export function WallClock({ tz }: { tz: TimeZoneChoice }): ReactElement {
  const now = useNow(1000);
  const face = clockFace(now, tz);
  return (
    <div className="wall-clock">
      <time className="wall-clock-time" dateTime={new Date(now).toISOString()}>
        {face.time}
      </time>
      <span className="wall-clock-zone">
        {face.day} · {face.zone}
      </span>
    </div>
  );
}
