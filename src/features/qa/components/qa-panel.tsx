import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import type { EventLog } from '@/lib/telemetry-log';
import type { StampedEvent } from '@/lib/telemetry';
import './qa-panel.css';

export interface QaScenario<Name extends string> {
  name: Name;
  description: string;
}

export interface QaLink {
  href: string;
  label: string;
}

export interface QaPanelProps<Name extends string> {
  /** Every mock scenario with one line saying what it does. */
  scenarios: readonly QaScenario<Name>[];
  /** The scenario in effect now (read again after a switch or a reset). */
  getCurrentScenario: () => Name;
  /** Switches the mock backend to a scenario (the caller also makes screens refetch). */
  onSelectScenario: (name: Name) => void;
  /** Puts the mock data back to the seed (and the scenario back to healthy). */
  onResetData: () => void;
  /** Where the panel reads recent telemetry from. */
  eventLog: Pick<EventLog, 'subscribe' | 'getSnapshot'>;
  /** QA-only pages (e.g. the payment-issues view). */
  links?: readonly QaLink[];
  /** How many recent events to show. */
  maxEvents?: number;
}

const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

function eventTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : time.format(date);
}

function eventDetails(event: StampedEvent): string {
  return Object.entries(event)
    .filter(([key, value]) => key !== 'type' && key !== 'at' && value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

/**
 * The QA panel of the mock build: an always-visible "QA: <scenario>" badge (so nobody mistakes a
 * simulated fault for a bug) that opens a panel to switch the mock scenario, reset the mock data,
 * open QA pages, and see the last telemetry events. A disclosure, not a modal: Escape closes it
 * and gives focus back to the badge.
 *
 * It knows nothing about the mock backend: src/app passes the functions in.
 */
export function QaPanel<Name extends string>({
  scenarios,
  getCurrentScenario,
  onSelectScenario,
  onResetData,
  eventLog,
  links = [],
  maxEvents = 20,
}: QaPanelProps<Name>) {
  const id = useId();
  const panelId = `${id}-panel`;
  const headingId = `${id}-heading`;
  const eventsId = `${id}-events`;
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<Name>(getCurrentScenario);
  const [announcement, setAnnouncement] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const events = useSyncExternalStore(eventLog.subscribe, eventLog.getSnapshot);
  const recent = events.slice(-maxEvents).reverse();

  useEffect(() => {
    if (!open) return;
    headingRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (!(event.target instanceof Node) || !containerRef.current?.contains(event.target)) return;
      event.preventDefault();
      setOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const select = (name: Name) => {
    onSelectScenario(name);
    const now = getCurrentScenario();
    setCurrent(now);
    setAnnouncement(`Scenario switched to ${now}.`);
  };

  const reset = () => {
    onResetData();
    const now = getCurrentScenario();
    setCurrent(now);
    setAnnouncement(`Mock data reset. Scenario: ${now}.`);
  };

  const fault = current !== 'healthy';

  return (
    <div ref={containerRef} className="qa">
      {open ? (
        <section id={panelId} className="qa-panel" aria-labelledby={headingId}>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="qa-heading">
            QA panel (mock backend)
          </h2>
          <p role="status" className="qa-announcement">
            {announcement}
          </p>

          {links.length > 0 ? (
            <nav aria-label="QA pages">
              <ul className="qa-links">
                {links.map((link) => (
                  <li key={link.href}>
                    {/* The page opened takes the focus, so the panel gets out of its way. */}
                    <Link href={link.href} onClick={() => setOpen(false)}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}

          <fieldset className="qa-scenarios">
            <legend>Scenario</legend>
            {scenarios.map((scenario) => {
              const inputId = `${id}-scenario-${scenario.name}`;
              return (
                <div key={scenario.name} className="qa-scenario">
                  <input
                    type="radio"
                    id={inputId}
                    name={`${id}-scenario`}
                    value={scenario.name}
                    checked={current === scenario.name}
                    onChange={() => select(scenario.name)}
                    aria-describedby={`${inputId}-description`}
                  />
                  <label htmlFor={inputId}>{scenario.name}</label>
                  <p id={`${inputId}-description`} className="qa-description">
                    {scenario.description}
                  </p>
                </div>
              );
            })}
          </fieldset>

          <button type="button" onClick={reset}>
            Reset mock data
          </button>
          <p className="qa-description">Back to the seed data and healthy; signs you out.</p>

          <h3 id={eventsId}>Recent telemetry events</h3>
          {recent.length === 0 ? (
            <p className="qa-description">No events yet.</p>
          ) : (
            <ol aria-labelledby={eventsId} className="qa-events">
              {recent.map((event, index) => (
                <li key={`${event.at}-${index}`}>
                  <time dateTime={event.at}>{eventTime(event.at)}</time>{' '}
                  <strong>{event.type}</strong>{' '}
                  <span className="qa-event-details">{eventDetails(event)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
      <button
        ref={toggleRef}
        type="button"
        className={fault ? 'qa-toggle qa-toggle-fault' : 'qa-toggle'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        QA: {current}
      </button>
    </div>
  );
}
