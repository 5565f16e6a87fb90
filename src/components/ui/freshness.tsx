import { useEffect, useState } from 'react';

interface FreshnessProps {
  updatedAt: number;
  refreshing: boolean;
  /** The last refresh failed: what is shown may be out of date. */
  stale: boolean;
  onRefresh: () => void;
}

function secondsSince(time: number, now: number): number {
  return Math.max(0, Math.round((now - time) / 1000));
}

/** "Updated 12 s ago", a Refresh button, and a warning when the last refresh failed. */
export function Freshness({ updatedAt, refreshing, stale, onRefresh }: FreshnessProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = secondsSince(updatedAt, Math.max(now, updatedAt));

  return (
    <div className="freshness">
      <p className="muted">{seconds < 2 ? 'Updated just now' : `Updated ${seconds} s ago`}</p>
      <button type="button" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <div role="status">
        {stale ? (
          <p className="warning">
            <span aria-hidden="true">! </span>
            We could not refresh just now, so this may be out of date. We will keep trying.
          </p>
        ) : null}
      </div>
    </div>
  );
}
